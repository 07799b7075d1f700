package org.tesseracrm.kernel.api.timer;

/** Where a timer is in its life. A timer that ran successfully is deleted, so it has no state. */
public enum TimerState {
    /** Waiting for its due time, for its handler to be registered, or for its next attempt. */
    PENDING,
    /** Claimed by a node whose handler is running it now. */
    RUNNING,
    /** Its handler failed on every attempt; it waits for an administrator to retry or cancel it. */
    FAILED
}
