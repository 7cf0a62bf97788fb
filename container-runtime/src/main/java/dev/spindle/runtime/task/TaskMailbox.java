package dev.spindle.runtime.task;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue through which other threads talk to a task: they {@link #put} actions (cancel, and
 * later timers and checkpoints) or {@link #signalInput()} that input arrived; only the task thread
 * runs actions and waits. {@link #hasMail()} is a cheap volatile read for the task's hot loop.
 */
public final class TaskMailbox {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Runnable> mail = new ArrayDeque<>();
    private volatile boolean hasMail;
    private boolean inputSignaled;

    public void put(Runnable action) {
        lock.lock();
        try {
            mail.add(action);
            hasMail = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void signalInput() {
        lock.lock();
        try {
            inputSignaled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean hasMail() {
        return hasMail;
    }

    /** Runs all queued actions on the calling (task) thread. */
    public void runAll() {
        while (hasMail) {
            Runnable next;
            lock.lock();
            try {
                next = mail.poll();
                hasMail = !mail.isEmpty();
            } finally {
                lock.unlock();
            }
            if (next != null) {
                next.run();
            }
        }
    }

    /**
     * Waits until mail or an input signal arrives, or the timeout passes (negative: no timeout).
     * Clears the input signal.
     */
    public void await(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            if (!inputSignaled && mail.isEmpty()) {
                if (timeoutNanos < 0) {
                    changed.await();
                } else if (timeoutNanos > 0) {
                    changed.await(timeoutNanos, TimeUnit.NANOSECONDS);
                }
            }
            inputSignaled = false;
        } finally {
            lock.unlock();
        }
    }
}
