/**
 * Durable timers: work a module wants done at a later time, kept in the CRM database so it survives
 * restarts, runs once even with several nodes on one database, and waits while the module that
 * handles it is uninstalled. A module schedules with {@link org.tesseracrm.kernel.api.timer.Timers} and
 * handles with a {@link org.tesseracrm.kernel.api.timer.TimerHandler} registered under a name, so no
 * job class ever crosses bundles: a timer row holds only strings.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.api.timer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
