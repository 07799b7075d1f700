/**
 * The engine's rules as pure functions, without OSGi or a database: criteria over one record
 * ({@link org.tesseracrm.automation.internal.engine.CriteriaMatcher}, with
 * {@link org.tesseracrm.automation.internal.engine.RelativeDates}) and loop protection
 * ({@link org.tesseracrm.automation.internal.engine.ChainDepth}).
 */
package org.tesseracrm.automation.internal.engine;
