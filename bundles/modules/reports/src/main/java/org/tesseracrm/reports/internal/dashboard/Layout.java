package org.tesseracrm.reports.internal.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Arranging a dashboard's widgets: each change gives a new list, the old one unchanged (the view keeps the
 * dashboard it read until the user saves). Positions out of range are clamped, so a stale drop does no harm.
 */
public final class Layout {
    /** The most widgets one dashboard holds. */
    public static final int MAX_WIDGETS = 24;

    private Layout() {
    }

    /**
     * Moves a widget to another place (a drag and drop), the others closing up behind it.
     *
     * @param widgets the widgets in order
     * @param from the moved widget's index
     * @param to the index it ends up at
     * @return the new order; the same widgets if {@code from} is out of range
     */
    public static List<Widget> move(List<Widget> widgets, int from, int to) {
        if (from < 0 || from >= widgets.size()) {
            return List.copyOf(widgets);
        }
        List<Widget> moved = new ArrayList<>(widgets);
        Widget widget = moved.remove(from);
        moved.add(Math.max(0, Math.min(moved.size(), to)), widget);
        return List.copyOf(moved);
    }

    /**
     * Moves a widget one place left (-1) or right (+1): the Move buttons, for touch screens.
     *
     * @param widgets the widgets in order
     * @param index the widget's index
     * @param step -1 or +1
     * @return the new order; unchanged at either end
     */
    public static List<Widget> step(List<Widget> widgets, int index, int step) {
        int to = index + Integer.signum(step);
        if (to < 0 || to >= widgets.size()) {
            return List.copyOf(widgets);
        }
        return move(widgets, index, to);
    }

    /**
     * @param widgets the widgets in order
     * @param widget a widget to add at the end
     * @return the widgets with it
     * @throws IllegalArgumentException if the dashboard is full
     */
    public static List<Widget> add(List<Widget> widgets, Widget widget) {
        if (widgets.size() >= MAX_WIDGETS) {
            throw new IllegalArgumentException("A dashboard holds at most " + MAX_WIDGETS + " widgets.");
        }
        List<Widget> added = new ArrayList<>(widgets);
        added.add(widget);
        return List.copyOf(added);
    }

    /**
     * @param widgets the widgets in order
     * @param index the widget to remove
     * @return the widgets without it; unchanged if out of range
     */
    public static List<Widget> remove(List<Widget> widgets, int index) {
        if (index < 0 || index >= widgets.size()) {
            return List.copyOf(widgets);
        }
        List<Widget> left = new ArrayList<>(widgets);
        left.remove(index);
        return List.copyOf(left);
    }

    /**
     * @param widgets the widgets in order
     * @param index the widget to resize
     * @param width its new width (clamped to the grid)
     * @return the widgets with that one resized
     */
    public static List<Widget> resize(List<Widget> widgets, int index, int width) {
        if (index < 0 || index >= widgets.size()) {
            return List.copyOf(widgets);
        }
        List<Widget> resized = new ArrayList<>(widgets);
        resized.set(index, new Widget(resized.get(index).reportKey(), width));
        return List.copyOf(resized);
    }
}
