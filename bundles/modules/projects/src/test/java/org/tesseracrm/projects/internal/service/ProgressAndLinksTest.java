package org.tesseracrm.projects.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.SharedRows;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.api.ProjectLink;
import org.tesseracrm.projects.api.ProjectProgress;

/** Progress from tasks, what a link may point at, what a caller is told about a linked record, members' rules. */
class ProgressAndLinksTest {
    @Test
    void progressIsDoneTasksOfAllTasksRoundedDown() {
        assertEquals(25, ProjectRules.progress(4, 1).orElseThrow().percent());
        assertEquals(0, ProjectRules.progress(4, 0).orElseThrow().percent());
        assertEquals(33, ProjectRules.progress(3, 1).orElseThrow().percent());
        assertEquals(99, ProjectRules.progress(200, 199).orElseThrow().percent(), "100 only once all are done");
        assertEquals(100, ProjectRules.progress(7, 7).orElseThrow().percent());
    }

    @Test
    void aProjectWithoutTasksHasNoProgressRatherThanZero() {
        assertEquals(Optional.empty(), ProjectRules.progress(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProjectProgress(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProjectProgress(2, 3));
    }

    @Test
    void theListBadgeShowsThePercentageAndTurnsGreenWhenAllAreDone() {
        assertEquals("25 %", ProgressDecoration.mark(new ProjectProgress(4, 1)).text());
        assertEquals("1 of 4 tasks done", ProgressDecoration.mark(new ProjectProgress(4, 1)).hint());
        assertEquals("success", ProgressDecoration.mark(new ProjectProgress(2, 2)).tone());
    }

    @Test
    void aLinkNeedsAnInstalledTypeARecordAndNotTheProjectItself() {
        assertEquals(List.of(), fields(ProjectRules.linkErrors(7, "case", 12, true, 0)));
        assertEquals(List.of(), fields(ProjectRules.linkErrors(7, ProjectFields.RECORD_TYPE, 8, true, 0)),
                "another project is fine");
        assertEquals(List.of("recordId"), fields(ProjectRules.linkErrors(7, ProjectFields.RECORD_TYPE, 7, true, 0)));
        assertEquals(List.of("recordType"), fields(ProjectRules.linkErrors(7, "nothing", 12, false, 0)));
        assertEquals(List.of("recordType"), fields(ProjectRules.linkErrors(7, "Case'; DROP TABLE X", 12, true, 0)));
        assertEquals(List.of("recordType", "recordId"), fields(ProjectRules.linkErrors(7, " ", 0, false, 0)));
        assertEquals(List.of("recordId"), fields(ProjectRules.linkErrors(7, "case", 12, true,
                ProjectRules.MOST_LINKS)));
        assertEquals(List.of("recordType"), fields(ProjectRules.linkErrors(7, null, 12, false, 0)));
    }

    @Test
    void aMemberIsAnActiveUserWithAShortRole() {
        assertEquals(List.of(), fields(ProjectRules.memberErrors("ana", "", true, 0)));
        assertEquals(List.of("username"), fields(ProjectRules.memberErrors("ghost", null, false, 0)));
        assertEquals(List.of("username"), fields(ProjectRules.memberErrors("", null, false, 0)));
        assertEquals(List.of("role"), fields(ProjectRules.memberErrors("ana", "x".repeat(101), true, 0)));
        assertEquals(List.of("username"), fields(ProjectRules.memberErrors("ana", "", true,
                ProjectRules.MOST_MEMBERS)));
    }

    @Test
    void aLinkedRecordShowsItsTitleOnlyIfTheCallerMaySeeIt() {
        ProjectLink shown = LinkStates.link("case", 3, "Case", "Late delivery", true);
        assertEquals(ProjectLink.State.SHOWN, shown.state());
        assertEquals(Optional.of("Late delivery"), shown.title());
        ProjectLink hidden = LinkStates.link("case", 4, "Case", null, true);
        assertEquals(ProjectLink.State.HIDDEN, hidden.state());
        assertEquals(Optional.empty(), hidden.title());
        ProjectLink removed = LinkStates.link("case", 5, "Case", null, false);
        assertEquals(ProjectLink.State.REMOVED, removed.state());
        assertThrows(IllegalArgumentException.class, () -> new ProjectLink("case", 6, "Case", Optional.of("x"),
                ProjectLink.State.HIDDEN), "a hidden record never carries its title");
    }

    @Test
    void membersShareTheirProjectsByNumberOnTopOfTheOwnerVisibility() {
        SharedRows rule = ProjectRecordType.shared(Set.of(ProjectFields.number(12)));
        assertEquals(ProjectFields.NUMBER, rule.field());
        assertEquals(Set.of("PRJ-12"), rule.values());
        assertTrue(rule.othersVisible());
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
