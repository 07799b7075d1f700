package org.tesseracrm.automation.internal.blueprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;

class BlueprintRulesTest {
    private static final Transition CONTACT = new Transition("Contact", "New", "Contacted", Set.of(), Set.of(),
            Set.of(), List.of());
    private static final Transition QUALIFY = new Transition("Qualify", "Contacted", "Qualified", Set.of("ann"),
            Set.of("Sales manager"), Set.of("Qualifiers"), List.of("description"));
    private static final Transition DROP = new Transition("Drop", Transition.ANY, "Lost", Set.of(), Set.of(),
            Set.of(), List.of());
    private static final Blueprint LEADS = new Blueprint(1, "Lead qualification", "lead", "status",
            List.of("New", "Contacted", "Qualified", "Lost"), List.of(CONTACT, QUALIFY, DROP), true, 1);
    private static final Map<String, String> LABELS = Map.of("status", "Status", "description", "Description");

    private final BlueprintRules.Actor rep = new BlueprintRules.Actor("rita", "Sales rep", Set.of(), false);
    private final BlueprintRules.Actor manager = new BlueprintRules.Actor("max", "Sales manager", Set.of(), false);
    private final BlueprintRules.Actor member = new BlueprintRules.Actor("gus", "", Set.of("Qualifiers"), false);
    private final BlueprintRules.Actor named = new BlueprintRules.Actor("ann", "", Set.of(), false);
    private final BlueprintRules.Actor system = new BlueprintRules.Actor("system", "", Set.of(), true);

    @Test
    void aMoveThatIsNoTransitionIsRefusedNamingWhereTheStateMayGo() {
        assertEquals(List.of(new FieldError("status", "The blueprint \"Lead qualification\" does not allow moving "
                + "Status from New to Qualified; from New it goes to Contacted, Lost")),
                BlueprintRules.refusal(LEADS, "New", row("Qualified", "why"), manager, LABELS));
        assertEquals(List.of(new FieldError("status", "The blueprint \"Lead qualification\" does not allow moving "
                + "Status from Lost to New: no move is allowed from Lost")),
                BlueprintRules.refusal(LEADS, "Lost", row("New", ""), system, LABELS), "the platform too");
        assertTrue(BlueprintRules.refusal(LEADS, "New", row("New", ""), rep, LABELS).isEmpty(), "unchanged");
        assertTrue(BlueprintRules.refusal(LEADS, "New", row("Contacted", ""), rep, LABELS).isEmpty(), "open move");
        assertTrue(BlueprintRules.refusal(LEADS, "Qualified", row("Lost", ""), rep, LABELS).isEmpty(), "from any");
        assertTrue(BlueprintRules.refusal(LEADS, "", row("Lost", ""), rep, LABELS).isEmpty(), "blank to any");
        assertEquals(Optional.of(DROP), BlueprintRules.transition(LEADS, "New", "Lost"));
        assertEquals(Optional.empty(), BlueprintRules.transition(LEADS, "Lost", "Lost"));
    }

    @Test
    void onlyTheNamedUsersRolesAndGroupsMakeARestrictedMove() {
        assertEquals(List.of(new FieldError("status", "Only ann, role Sales manager, group Qualifiers may make the "
                + "move \"Qualify\" (Contacted to Qualified) of the blueprint \"Lead qualification\"")),
                BlueprintRules.refusal(LEADS, "Contacted", row("Qualified", "hot"), rep, LABELS));
        for (BlueprintRules.Actor allowed : List.of(manager, member, named, system)) {
            assertTrue(BlueprintRules.refusal(LEADS, "Contacted", row("Qualified", "hot"), allowed, LABELS).isEmpty(),
                    allowed.username());
        }
    }

    @Test
    void requiredFieldsMustNotBeBlankAfterTheMove() {
        assertEquals(List.of(new FieldError("description", "The move \"Qualify\" needs Description")),
                BlueprintRules.refusal(LEADS, "Contacted", row("Qualified", "  "), manager, LABELS));
    }

    @Test
    void theMovesOfferedAreThoseFromTheStateTheUserMayMake() {
        assertEquals(List.of(CONTACT, DROP), BlueprintRules.available(LEADS, "New", rep));
        assertEquals(List.of(DROP), BlueprintRules.available(LEADS, "Contacted", rep));
        assertEquals(List.of(QUALIFY, DROP), BlueprintRules.available(LEADS, "Contacted", manager));
        assertEquals(List.of(), BlueprintRules.available(LEADS, "Lost", manager));
    }

    @Test
    void aBlueprintIsCheckedAgainstTheTypeThePickListAndTheDirectory() {
        Map<String, FieldDefinition> fields = Map.of(
                "status", new FieldDefinition("status", "Status", FieldType.PICKLIST, false, 0, true, "STATUS", false,
                        Optional.empty()),
                "description", new FieldDefinition("description", "Description", FieldType.TEXT, false, 0, true,
                        "DESCRIPTION", false, Optional.empty()));
        Set<String> pickList = Set.of("New", "Contacted", "Qualified", "Lost");
        assertEquals(List.of(), BlueprintRules.check(LEADS, fields, pickList, Set.of("ann"), Set.of("Sales manager"),
                Set.of("Qualifiers")));
        Blueprint wrong = new Blueprint(0, "Bad", "lead", "status", List.of("New", "Gone"), List.of(
                new Transition("Go", "New", "Nowhere", Set.of("bob"), Set.of("CEO"), Set.of("Ghosts"),
                        List.of("nothing")),
                new Transition("go", "New", "New", Set.of(), Set.of(), Set.of(), List.of())), true, 0);
        List<String> messages = BlueprintRules.check(wrong, fields, pickList, Set.of(), Set.of(), Set.of()).stream()
                .map(FieldError::message).toList();
        assertEquals(List.of("\"Gone\" is not a value of Status", "Transition \"Go\": \"Nowhere\" is not a state",
                "Transition \"Go\": there is no active user \"bob\"", "Transition \"Go\": there is no role \"CEO\"",
                "Transition \"Go\": there is no group \"Ghosts\"", "Transition \"Go\": there is no field \"nothing\" "
                        + "to fill in", "There are two transitions named \"go\"", "Transition \"go\": it goes "
                                + "nowhere"), messages);
        Blueprint notPickList = new Blueprint(0, "X", "lead", "description", List.of(), List.of(), true, 0);
        assertEquals(List.of(new FieldError("field", "Choose a pick-list field of the record type")),
                BlueprintRules.check(notPickList, fields, pickList, Set.of(), Set.of(), Set.of()));
    }

    private static RecordRow row(String status, String description) {
        return new RecordRow(3, 1, Map.of("status", status, "description", description));
    }
}
