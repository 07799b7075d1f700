package org.tesseracrm.automation.internal.blueprint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The rules of a blueprint, without storage: which transition a change of its field is, who may make it, which
 * required fields are blank, which moves a user has from a state, and whether a blueprint is well formed.
 */
final class BlueprintRules {
    private BlueprintRules() {
    }

    /**
     * Who makes a change.
     *
     * @param username the user name
     * @param role the user's role name, "" for none
     * @param groups the user's group names
     * @param system whether it is the platform itself (rules, timers): it may make every allowed move
     */
    record Actor(String username, String role, Set<String> groups, boolean system) {
        Actor {
            groups = Set.copyOf(groups);
        }
    }

    /**
     * @param blueprint a blueprint
     * @param from the field's value before ("" for blank)
     * @param to its value after
     * @return the transition from that state to that state (one from this very state first, then one from any)
     */
    static Optional<Transition> transition(Blueprint blueprint, String from, String to) {
        Optional<Transition> exact = blueprint.transitions().stream()
                .filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst();
        return exact.isPresent() ? exact : blueprint.transitions().stream()
                .filter(t -> Transition.ANY.equals(t.from()) && t.to().equals(to) && !to.equals(from)).findFirst();
    }

    /**
     * @param transition a transition
     * @param actor who would make it
     * @return whether they may: the platform, anyone for a transition naming nobody, else a named user, a user of a
     *     named role or a member of a named group
     */
    static boolean may(Transition transition, Actor actor) {
        return actor.system() || transition.open() || transition.users().contains(actor.username())
                || !actor.role().isEmpty() && transition.roles().contains(actor.role())
                || actor.groups().stream().anyMatch(transition.groups()::contains);
    }

    /**
     * @param blueprint a blueprint
     * @param current the record's state ("" for blank)
     * @param actor who asks
     * @return the transitions from that state the actor may make, in the blueprint's order
     */
    static List<Transition> available(Blueprint blueprint, String current, Actor actor) {
        return blueprint.transitions().stream()
                .filter(t -> (t.from().equals(current) || Transition.ANY.equals(t.from()) && !t.to().equals(current))
                        && may(t, actor)).toList();
    }

    /**
     * Why a change of the blueprint's field is refused.
     *
     * @param blueprint an active blueprint
     * @param from the field's value before ("" for blank)
     * @param after the record after the change
     * @param actor who makes it
     * @param labels field labels by name, for messages
     * @return the errors: the move is not a transition, the actor may not make it, or required fields are blank;
     *     empty when it may go on (also when the field did not change)
     */
    static List<FieldError> refusal(Blueprint blueprint, String from, RecordRow after, Actor actor,
            Map<String, String> labels) {
        String to = after.text(blueprint.field());
        if (from.equals(to)) {
            return List.of();
        }
        String field = labels.getOrDefault(blueprint.field(), blueprint.field());
        Optional<Transition> found = transition(blueprint, from, to);
        if (found.isEmpty()) {
            List<String> allowed = blueprint.transitions().stream()
                    .filter(t -> t.from().equals(from) || Transition.ANY.equals(t.from()) && !t.to().equals(from))
                    .map(Transition::to).distinct().toList();
            return List.of(new FieldError(blueprint.field(), "The blueprint \"" + blueprint.name() + "\" does not "
                    + "allow moving " + field + " from " + shown(from) + " to " + shown(to) + (allowed.isEmpty()
                            ? ": no move is allowed from " + shown(from)
                            : "; from " + shown(from) + " it goes to " + String.join(", ", allowed))));
        }
        Transition t = found.get();
        if (!may(t, actor)) {
            List<String> who = new ArrayList<>();
            who.addAll(t.users().stream().sorted().toList());
            t.roles().stream().sorted().map(r -> "role " + r).forEach(who::add);
            t.groups().stream().sorted().map(g -> "group " + g).forEach(who::add);
            return List.of(new FieldError(blueprint.field(), "Only " + String.join(", ", who) + " may make the move \""
                    + t.name() + "\" (" + shown(from) + " to " + shown(to) + ") of the blueprint \""
                    + blueprint.name() + "\""));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String required : t.requiredFields()) {
            if (after.text(required).isBlank()) {
                errors.add(new FieldError(required, "The move \"" + t.name() + "\" needs "
                        + labels.getOrDefault(required, required)));
            }
        }
        return errors;
    }

    /**
     * @param blueprint a blueprint as edited
     * @param fields the record type's fields, by name
     * @param pickList the values of the blueprint's field's pick-list
     * @param users active user names
     * @param roles role names
     * @param groups group names
     * @return what is wrong with it; empty when it is well formed
     */
    static List<FieldError> check(Blueprint blueprint, Map<String, FieldDefinition> fields, Set<String> pickList,
            Set<String> users, Set<String> roles, Set<String> groups) {
        List<FieldError> errors = new ArrayList<>();
        if (blueprint.name().isBlank() || blueprint.name().strip().length() > 100) {
            errors.add(new FieldError("name", "Give a name of 1 to 100 characters"));
        }
        FieldDefinition field = fields.get(blueprint.field());
        if (field == null || field.type() != FieldType.PICKLIST) {
            errors.add(new FieldError("field", "Choose a pick-list field of the record type"));
            return errors;
        }
        if (blueprint.states().size() < 2) {
            errors.add(new FieldError("states", "Give at least two states"));
        }
        Set<String> states = new HashSet<>();
        for (String state : blueprint.states()) {
            if (!pickList.contains(state)) {
                errors.add(new FieldError("states", "\"" + state + "\" is not a value of " + field.label()));
            } else if (!states.add(state)) {
                errors.add(new FieldError("states", "\"" + state + "\" is there twice"));
            }
        }
        if (blueprint.transitions().isEmpty()) {
            errors.add(new FieldError("transitions", "Give at least one transition"));
        }
        Set<String> names = new HashSet<>();
        Set<String> moves = new HashSet<>();
        for (Transition t : blueprint.transitions()) {
            String name = t.name().strip();
            String at = "Transition \"" + name + "\": ";
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldError("transitions", "Give every transition a name of 1 to 100 characters"));
            } else if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new FieldError("transitions", "There are two transitions named \"" + name + "\""));
            }
            if (!Transition.ANY.equals(t.from()) && !states.contains(t.from())) {
                errors.add(new FieldError("transitions", at + "\"" + t.from() + "\" is not a state"));
            }
            if (!states.contains(t.to())) {
                errors.add(new FieldError("transitions", at + "\"" + t.to() + "\" is not a state"));
            } else if (t.from().equals(t.to())) {
                errors.add(new FieldError("transitions", at + "it goes nowhere"));
            } else if (!moves.add(t.from() + "\n" + t.to())) {
                errors.add(new FieldError("transitions", at + "another transition already goes from "
                        + shown(t.from()) + " to " + t.to()));
            }
            t.users().stream().filter(u -> !users.contains(u)).forEach(u -> errors.add(new FieldError("transitions",
                    at + "there is no active user \"" + u + "\"")));
            t.roles().stream().filter(r -> !roles.contains(r)).forEach(r -> errors.add(new FieldError("transitions",
                    at + "there is no role \"" + r + "\"")));
            t.groups().stream().filter(g -> !groups.contains(g)).forEach(g -> errors.add(new FieldError("transitions",
                    at + "there is no group \"" + g + "\"")));
            for (String required : t.requiredFields()) {
                FieldDefinition f = fields.get(required);
                if (f == null || !f.importable()) {
                    errors.add(new FieldError("transitions", at + "there is no field \"" + required
                            + "\" to fill in"));
                }
            }
        }
        return errors;
    }

    private static String shown(String state) {
        return state.isEmpty() ? "(none)" : Transition.ANY.equals(state) ? "any state" : state;
    }
}
