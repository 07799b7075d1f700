package org.tesseracrm.automation.internal.service;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;

/**
 * "Send an in-app notification" to the record's owner or a named user, linking the record, through the kernel's
 * notifications. Its source key names the rule, version, record and trigger moment, so a run repeated after a node
 * died notifies once.
 */
@Component(service = Action.class, property = Action.ID + "=" + NotifyAction.ID)
public class NotifyAction implements Action {
    /** The action's id. */
    public static final String ID = "notification.send";
    /** "to": the record's owner. */
    public static final String OWNER = "owner";
    /** "to": the user named in {@code user}. */
    public static final String USER = "user";

    private final Records records;
    private final Notifications notifications;

    /** @param records reads the record's owner @param notifications sends */
    @Activate
    public NotifyAction(@Reference Records records, @Reference Notifications notifications) {
        this.records = records;
        this.notifications = notifications;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Send an in-app notification";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("to", "To", List.of(OWNER, USER)),
                Parameter.of("user", "User", ParameterType.USER, false).withHelp("When sent to a named user"),
                Parameter.of("title", "Title", ParameterType.TEXT, true),
                Parameter.of("text", "Text", ParameterType.LONG_TEXT, false));
    }

    @Override
    public ActionResult run(ActionContext context) {
        String to;
        if (USER.equals(context.config().get("to"))) {
            to = context.config().getOrDefault("user", "");
            if (to.isBlank()) {
                throw new ValidationException(List.of(new FieldError("user", "Name the user to notify")));
            }
        } else {
            Optional<RecordRow> row = records.get(context.recordType(), context.recordId());
            to = row.map(r -> r.text("owner")).orElse("");
            if (to.isEmpty()) {
                return ActionResult.skipped("The record has no owner to notify");
            }
        }
        NotificationInput input = NotificationInput.of(context.config().getOrDefault("title", ""),
                context.config().getOrDefault("text", "")).withRecord(context.recordType(), context.recordId())
                .withSource("automation:" + context.ruleId() + ":" + context.ruleVersion() + ":" + context.recordType()
                        + ":" + context.recordId() + ":" + context.event().at().toEpochMilli() + ":"
                        + context.config().hashCode());
        boolean sent = notifications.notify(to, input).created();
        return sent ? ActionResult.done("Notified " + to) : ActionResult.skipped(to + " was notified before");
    }
}
