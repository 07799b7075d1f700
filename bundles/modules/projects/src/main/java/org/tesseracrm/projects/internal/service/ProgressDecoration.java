package org.tesseracrm.projects.internal.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.api.ProjectProgress;

/**
 * The projects list's progress badge ("25 %" in the Flags column, green when every task is done): the page's rows
 * were read by the platform as the signed-in user, their task counts come in one grouped query. A project without
 * tasks gets no badge.
 */
@Component(service = RowDecoration.class, property = RecordType.ID + "=" + ProjectFields.RECORD_TYPE)
public class ProgressDecoration implements RowDecoration {
    private final RecordTypes types;
    private final TransactionScope scope;

    /**
     * @param types finds the activity record type
     * @param scope the transactions
     * @param type the project record type, registered once the module's tables exist
     */
    @Activate
    public ProgressDecoration(@Reference RecordTypes types, @Reference TransactionScope scope,
            @Reference(target = "(" + RecordType.ID + "=" + ProjectFields.RECORD_TYPE + ")") RecordType type) {
        this.types = types;
        this.scope = scope;
    }

    @Override
    public Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
        Map<Long, Mark> marks = new HashMap<>();
        ProjectsImpl.progress(types, scope, page.stream().map(RecordRow::id).toList())
                .forEach((id, progress) -> progress.ifPresent(p -> marks.put(id, mark(p))));
        return marks;
    }

    /**
     * @param progress a project's progress
     * @return its badge
     */
    static Mark mark(ProjectProgress progress) {
        return new Mark(progress.percent() + " %", progress.done() == progress.tasks() ? "success" : "",
                progress.done() + " of " + progress.tasks() + " tasks done");
    }

    @Override
    public Optional<Mark> decorate(RecordRow row) {
        return Optional.empty();
    }
}
