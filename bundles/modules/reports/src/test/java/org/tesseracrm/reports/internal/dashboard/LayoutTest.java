package org.tesseracrm.reports.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LayoutTest {
    private static final Widget A = new Widget("report:1", 2);
    private static final Widget B = new Widget("report:2", 1);
    private static final Widget C = new Widget("source:kpi.nps", 4);
    private static final List<Widget> ABC = List.of(A, B, C);

    @Test
    void aDropMovesTheWidgetAndTheOthersCloseUp() {
        assertEquals(List.of(B, C, A), Layout.move(ABC, 0, 2));
        assertEquals(List.of(C, A, B), Layout.move(ABC, 2, 0));
        assertEquals(List.of(A, C, B), Layout.move(ABC, 1, 2));
        assertEquals(ABC, Layout.move(ABC, 1, 1));
    }

    @Test
    void aStaleDropIsClampedOrIgnored() {
        assertEquals(List.of(B, C, A), Layout.move(ABC, 0, 99));
        assertEquals(List.of(B, A, C), Layout.move(ABC, 1, -5));
        assertEquals(ABC, Layout.move(ABC, 7, 0));
    }

    @Test
    void moveButtonsStopAtTheEnds() {
        assertEquals(List.of(B, A, C), Layout.step(ABC, 0, +1));
        assertEquals(List.of(A, C, B), Layout.step(ABC, 2, -1));
        assertEquals(ABC, Layout.step(ABC, 0, -1));
        assertEquals(ABC, Layout.step(ABC, 2, +1));
    }

    @Test
    void addRemoveAndResize() {
        assertEquals(List.of(A, B, C, A), Layout.add(ABC, A));
        assertEquals(List.of(A, C), Layout.remove(ABC, 1));
        assertEquals(ABC, Layout.remove(ABC, 3));
        assertEquals(4, Layout.resize(ABC, 1, 9).get(1).width(), "clamped to the grid");
        assertEquals(1, Layout.resize(ABC, 1, 0).get(1).width());
        assertEquals(A, ABC.get(0), "the old list is unchanged");
    }

    @Test
    void aFullDashboardTakesNoMore() {
        List<Widget> full = new ArrayList<>();
        for (int i = 0; i < Layout.MAX_WIDGETS; i++) {
            full.add(A);
        }
        assertThrows(IllegalArgumentException.class, () -> Layout.add(full, B));
    }
}
