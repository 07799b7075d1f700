package org.tesseracrm.automation.internal.blueprint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.Trigger;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The trigger "Blueprint move made": a rule on it runs its actions after a blueprint's transition (all of the
 * blueprint's moves, or the one it names). Posted by {@link BlueprintGuard} after the move commits.
 */
@Component(property = Trigger.ID + "=" + Blueprints.TRIGGER)
public class BlueprintTrigger implements Trigger {
    @Override
    public String id() {
        return Blueprints.TRIGGER;
    }

    @Override
    public String label() {
        return "Blueprint move made";
    }

    @Override
    public Set<String> recordTypes() {
        return Set.of(RecordType.ALL);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.of("blueprint", "Blueprint", ParameterType.TEXT, true)
                .withHelp("The blueprint's name, as in Administration → Automation → Blueprints"),
                Parameter.of("transition", "Transition", ParameterType.TEXT, false)
                        .withHelp("The transition's name; blank for every move of the blueprint"));
    }

    @Override
    public boolean matches(TriggerEvent event, Map<String, String> config) {
        String transition = config.getOrDefault("transition", "").strip();
        return config.getOrDefault("blueprint", "").strip().equalsIgnoreCase(event.details()
                .getOrDefault("blueprint", "")) && (transition.isEmpty()
                        || transition.equalsIgnoreCase(event.details().getOrDefault("transition", "")));
    }
}
