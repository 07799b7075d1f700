package org.tesseracrm.activities.internal.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.BusinessHours;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.timer.Timers;

/** The action with the record platform, the timers and the user administration faked. */
class CreateActivityActionTest {
    private static final Instant RECEIVED = Instant.parse("2026-12-04T15:00:00Z"); // a Friday

    private final Map<Long, RecordRow> rows = new HashMap<>();
    private final List<String> scheduled = new ArrayList<>();
    private final List<String> timers = new ArrayList<>();
    private final CreateActivityAction action = new CreateActivityAction((type, id, values) -> {
        scheduled.add(type + "#" + id + " " + values.typed().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().orElse(null)).sorted().toList());
        return 900;
    }, proxy(Records.class, (name, args) -> name.equals("get") ? Optional.ofNullable(rows.get((Long) args[1])) : null),
            proxy(Timers.class, (name, args) -> {
                timers.add(args[0] + " " + args[1] + " " + args[2]);
                return 1L;
            }), proxy(SecurityAdmin.class, (name, args) -> switch (name) {
                case "users" -> List.of(user(1, "ann", 10L), user(2, "bob", 11L), user(3, "cy"));
                case "groups" -> List.of(new GroupInfo(10, "SDR"), new GroupInfo(11, "Field"));
                default -> throw new UnsupportedOperationException(name);
            }));

    private static UserInfo user(long id, String name, Long... groups) {
        return new UserInfo(id, name, name, "", "", null, null, Set.of(groups), true, false);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(CreateActivityActionTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.apply(method.getName(), args));
    }

    private ActionResult run(String type, long id, String... pairs) {
        Map<String, String> config = new HashMap<>(Map.of("kind", "call", "subject", "First filter",
                "completeWithin", "2 hours"));
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return action.run(new ActionContext(7, 2, new TriggerEvent("leads.received", type, id, "web", RECEIVED,
                Map.of("source", "marketing")), config, 1));
    }

    @Test
    void createsTheActivityForTheOwnerDueFromTheTriggerAndWatchesItForLateness() {
        rows.put(41L, new RecordRow(41, 3, Map.of("owner", "ann", "name", "Ada")));

        ActionResult result = run("lead", 41, "notifyBefore", "15 minutes", "notes", "From the web form");

        assertEquals(ActionResult.Outcome.DONE, result.outcome());
        assertEquals("Created call \"First filter\" for ann due 2026-12-04 17:00 Z", result.message());
        assertEquals(Optional.of(new RecordRef("activity", 900, "First filter")), result.created());
        assertEquals(List.of("lead#41 [description=From the web form, dueAt=2026-12-04T17:00, kind=call, "
                + "owner=ann, remindAt=2026-12-04T16:45, subject=First filter]"), scheduled);
        assertEquals(List.of("activities.late 900 2026-12-04T17:00:00Z"), timers);
    }

    @Test
    void groupRestrictionSkipsRecordsOfOwnersOutsideTheGroups() {
        rows.put(41L, new RecordRow(41, 3, Map.of("owner", "bob")));
        rows.put(42L, new RecordRow(42, 3, Map.of("owner", "ann")));

        ActionResult skipped = run("lead", 41, "creation", "groups", "groups", "sdr");
        assertEquals(ActionResult.Outcome.SKIPPED, skipped.outcome());
        assertEquals("The record's owner bob is in none of the groups sdr.", skipped.message());
        assertEquals(List.of(), scheduled);

        assertEquals(ActionResult.Outcome.DONE, run("lead", 42, "creation", "groups", "groups", "sdr").outcome());
        assertEquals(1, scheduled.size());
    }

    @Test
    void aNamedAssigneeBusinessHoursAndAMeetingsOwnRecord() {
        action.addCalendar(new OfficeHours(java.time.ZoneOffset.UTC, Set.of()), Map.of(BusinessHours.NAME,
                BusinessHours.DEFAULT));
        rows.put(5L, new RecordRow(5, 1, Map.of("owner", "cy", "kind", "meeting", "relatedType", "contact",
                "relatedId", new BigDecimal(12), "dueAt", LocalDateTime.parse("2026-12-08T10:00"))));

        ActionResult result = run("activity", 5, "assignee", "bob", "businessHours", "true",
                "completeWithin", "3 hours");

        assertEquals("Created call \"First filter\" for bob due 2026-12-07 10:00 Z (business hours Default)",
                result.message(), "Friday 15:00 plus 3 business hours on 09-17 is Monday 10:00");
        assertEquals("contact#12", scheduled.get(0).substring(0, 10), "on the meeting's customer");

        ActionResult other = run("activity", 5, "businessHours", "true", "calendar", "Support");
        assertEquals("Created call \"First filter\" for cy due 2026-12-04 17:00 Z (no business hours calendar "
                + "Support installed: clock time)", other.message());

        ActionResult confirm = run("activity", 5, "subject", "Confirm meeting", "completeWithin", "",
                "dueField", "dueAt", "dueBefore", "120 minutes");
        assertEquals("Created call \"Confirm meeting\" for cy due 2026-12-08 08:00 Z", confirm.message());
    }

    @Test
    void aGoneRecordIsSkippedAndAnOwnerlessOneNeedsAnAssignee() {
        assertEquals(ActionResult.Outcome.SKIPPED, run("lead", 99).outcome());
        rows.put(43L, new RecordRow(43, 1, Map.of("name", "Nobody's")));
        ValidationException e = assertThrows(ValidationException.class, () -> run("lead", 43));
        assertEquals(List.of("assignee"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of(), timers);
    }

    @Test
    void aRecordWithoutTheDateIsSkipped() {
        rows.put(44L, new RecordRow(44, 1, Map.of("owner", "ann")));
        ActionResult result = run("activity", 44, "completeWithin", "", "dueField", "dueAt");
        assertEquals(ActionResult.Outcome.SKIPPED, result.outcome());
        assertEquals("The record has no dueAt.", result.message());
        RecordValues none = RecordValues.empty();
        assertEquals(0, none.fields().size());
    }
}
