package org.tesseracrm.kernel.api.timer;

/**
 * How many timers there are, for the administrator's overview.
 *
 * @param pending waiting for their time, their handler or their next attempt (retried ones included)
 * @param running being run by a node now
 * @param failed given up after the last attempt, waiting for an administrator
 * @param retried pending or running after at least one failed attempt
 */
public record TimerCounts(long pending, long running, long failed, long retried) {
}
