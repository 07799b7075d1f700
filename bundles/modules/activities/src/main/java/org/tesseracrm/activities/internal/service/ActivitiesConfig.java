package org.tesseracrm.activities.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The module's settings, PID {@value #PID} ({@code etc/org.tesseracrm.activities.cfg}). */
@ObjectClassDefinition(name = "Tessera activities",
        description = "Due flags and reminders of activities.")
public @interface ActivitiesConfig {
    /** The configuration PID. */
    String PID = "org.tesseracrm.activities";

    /** @return hours before its due time an activity's flag turns from green to yellow */
    @AttributeDefinition(name = "Due soon (hours)", description = "An activity due within this many hours is flagged yellow; "
            + "due or overdue is red, later is green.", min = "1")
    int dueSoonHours() default 24;

    /** @return how often the reminder scheduler looks for reminders that came due */
    @AttributeDefinition(name = "Reminder check (seconds)", description = "How often reminders that came due are "
            + "looked up (one indexed query) and pushed to their owners' open sessions.", min = "1", max = "300")
    int reminderCheckSeconds() default 5;

    /** Settings made in code, for tests and benchmarks that run without Configuration Admin. */
    final class Fixed {
        private Fixed() {
        }

        /**
         * @param dueSoonHours see {@link ActivitiesConfig#dueSoonHours()}
         * @param reminderCheckSeconds see {@link ActivitiesConfig#reminderCheckSeconds()}
         * @return the settings
         */
        public static ActivitiesConfig of(int dueSoonHours, int reminderCheckSeconds) {
            return new ActivitiesConfig() {
                @Override
                public Class<? extends java.lang.annotation.Annotation> annotationType() {
                    return ActivitiesConfig.class;
                }

                @Override
                public int dueSoonHours() {
                    return dueSoonHours;
                }

                @Override
                public int reminderCheckSeconds() {
                    return reminderCheckSeconds;
                }
            };
        }
    }
}
