package org.tesseracrm.cases.internal.sla;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.Notifications;

/**
 * The in-app notification of an escalation: each user of the role reached gets one, linked to the case, with the
 * source key {@code cases.escalation:<caseId>:<level>} that makes a second send of the same level store nothing.
 */
@Component(service = EscalationChannel.class)
public class InAppEscalation implements EscalationChannel {
    private final Notifications notifications;

    /** @param notifications the kernel's in-app notifications */
    @Activate
    public InAppEscalation(@Reference Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void escalated(Escalation e) {
        String title = "Case " + e.caseLabel() + " escalated to you (level " + e.level() + ")";
        String text = "The case of " + e.responsible() + " was due " + e.dueAt().toString().replace('T', ' ')
                .replace("Z", " UTC") + " and is not solved. It goes to " + e.role() + ".";
        NotificationInput input = NotificationInput.of(cut(title, Notifications.MAX_TITLE), text)
                .withRecord(CaseFields.RECORD_TYPE, e.caseId()).withSource(e.sourceKey());
        for (String user : e.users()) {
            notifications.notify(user, input);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
