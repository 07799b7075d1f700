package org.tesseracrm.kernel.api.record;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Saved list views, per user and shared. Every method needs the record type's {@code <moduleId>.view};
 * sharing a view, or changing or deleting someone else's shared view, also needs {@code .configure}.
 */
@ProviderType
public interface SavedViews {
    /**
     * @param recordType a record type id
     * @return the caller's own views and the shared ones, by name: list views and board configurations
     *     ({@link SavedView#board}) alike
     */
    List<SavedView> list(String recordType);

    /**
     * Saves a view under its name, replacing the caller's view of that name.
     *
     * @param view the view; its owner is ignored, the caller becomes the owner
     * @return the saved view
     * @throws org.tesseracrm.kernel.api.ValidationException if the name is blank or longer than 60
     *     characters, or a filter, sort key or column is not valid for the record type; for a board, if its
     *     grouping field is not a pick-list or user field, or the name is the caller's list view's (and the
     *     other way round: a list and a board never replace each other)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException to share without {@code .configure}
     */
    SavedView save(SavedView view);

    /**
     * @param recordType a record type id
     * @param owner the view's owner
     * @param name the view's name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for another user's view, unless it is
     *     shared and the caller holds {@code .configure}
     */
    void delete(String recordType, String owner, String name);
}
