package org.bootproxy.render;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops renders that run too long: it interrupts the rendering thread at the deadline, and the checks
 * {@link GuardedConfiguration} puts into every loop and macro of a template see the interrupt and end
 * the render. The interrupt only ever reaches a thread while it is inside {@link Watch}, and is cleared
 * again when the watch closes, so the caller's thread (an HTTP worker, a TFTP transfer) is left as it was.
 *
 * <p>One timer thread, started on the first render and gone again after a few idle seconds.
 */
final class RenderWatchdog {

    private final ScheduledThreadPoolExecutor timer;

    RenderWatchdog() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "render-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(5, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** Watches the calling thread for {@code limit}; close the watch when the render ends. */
    Watch watch(Duration limit) {
        Watch w = new Watch(Thread.currentThread());
        w.alarm = timer.schedule(w::fire, limit.toNanos(), TimeUnit.NANOSECONDS);
        return w;
    }

    /** One render under watch. */
    static final class Watch implements AutoCloseable {
        private final Thread thread;
        private ScheduledFuture<?> alarm;
        private boolean running = true;
        private boolean fired;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        private synchronized void fire() {
            if (running) {
                fired = true;
                thread.interrupt();
            }
        }

        /** True when the deadline passed while the render was running. */
        synchronized boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            boolean clear;
            synchronized (this) {
                running = false;
                clear = fired;
            }
            alarm.cancel(false);
            if (clear) {
                Thread.interrupted(); // ours: the thread goes back to its owner as it came
            }
        }
    }
}
