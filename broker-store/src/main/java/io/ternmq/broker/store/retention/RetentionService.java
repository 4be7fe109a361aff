package io.ternmq.broker.store.retention;

import io.ternmq.broker.store.StoreConfig;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.Segment;
import io.ternmq.broker.store.commitlog.WriteGate;
import io.ternmq.broker.store.consumequeue.ConsumeQueue;
import io.ternmq.broker.store.consumequeue.ConsumeQueueTable;
import io.ternmq.broker.store.index.IndexStore;
import io.ternmq.broker.store.io.DiskUsage;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Deletes old CommitLog segments and guards the disk. One pass ({@link #runOnce}), run every ten seconds by the
 * store's scheduler:
 * <ul>
 *   <li>usage above {@code diskSpaceWarningLevelRatio}: appends are rejected with DISK_FULL until a later pass
 *   sees it below again; reads go on;</li>
 *   <li>segments older than {@code fileReservedTimeHours} (by file modification time, against the configured
 *   clock) are deleted, oldest first, during a {@code deleteWhen} hour, or at any hour when usage is above
 *   {@code diskMaxUsedSpaceRatio};</li>
 *   <li>above {@code diskSpaceCleanForciblyRatio}, the oldest segments are deleted even if not expired, until
 *   usage drops below that ratio.</li>
 * </ul>
 * The active (newest) segment and segments not yet flushed and dispatched are never deleted; at most
 * {@value #MAX_DELETES_PER_PASS} segments go per pass. Afterwards ConsumeQueue minimums move to the new CommitLog
 * start and whole ConsumeQueue/index files below it are deleted.
 *
 * <p>Crash behaviour: a crash mid-pass leaves some segments deleted; the next open derives the minimums from the
 * first remaining segment.
 */
public final class RetentionService {
    private static final System.Logger LOG = System.getLogger(RetentionService.class.getName());
    static final int MAX_DELETES_PER_PASS = 10;

    private final StoreConfig config;
    private final DiskUsage diskUsage;
    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexStore index;
    private final WriteGate gate;
    private final LongSupplier dispatchedOffset;
    private final DeleteWhen deleteWhen;
    private volatile double lastRatio;

    public RetentionService(StoreConfig config, DiskUsage diskUsage, CommitLog log, ConsumeQueueTable queues,
                            IndexStore index, WriteGate gate, LongSupplier dispatchedOffset) {
        this.config = config;
        this.diskUsage = diskUsage;
        this.log = log;
        this.queues = queues;
        this.index = index;
        this.gate = gate;
        this.dispatchedOffset = dispatchedOffset;
        this.deleteWhen = new DeleteWhen(config.deleteWhen());
    }

    public double lastDiskUsedRatio() {
        return lastRatio;
    }

    public synchronized void runOnce() {
        try {
            double ratio = measure();
            long now = config.clock().millis();
            int hour = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), config.clock().getZone()).getHour();
            boolean timeToDelete = deleteWhen.includes(hour) || percent(ratio) > config.diskMaxUsedSpaceRatio();
            int deleted = deleteSegments(now, timeToDelete, ratio);
            if (deleted > 0) {
                long min = log.minOffset();
                for (ConsumeQueue cq : queues.all()) {
                    cq.dropBelowCommitLogOffset(min);
                }
                if (index != null) {
                    index.dropBelowCommitLogOffset(min);
                }
                measure();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "retention pass failed", e);
        }
    }

    private int deleteSegments(long now, boolean timeToDelete, double ratio) throws IOException {
        long reservedMs = config.fileReservedTimeHours() * 3_600_000L;
        long safeEnd = Math.min(log.flushedOffset(), dispatchedOffset.getAsLong());
        List<Segment> segments = log.segments();
        int deleted = 0;
        double current = ratio;
        for (int i = 0; i < segments.size() - 1 && deleted < MAX_DELETES_PER_PASS; i++) {
            Segment s = segments.get(i);
            boolean expired = s.lastModifiedMillis() + reservedMs <= now;
            boolean forced = percent(current) > config.diskSpaceCleanForciblyRatio();
            if (s.endOffset() > safeEnd || !((timeToDelete && expired) || forced)) {
                break; // oldest first: a younger segment is never deleted before an older one
            }
            log.deleteSegment(s);
            deleted++;
            LOG.log(Level.INFO, "deleted CommitLog segment {0} ({1})", s.path().getFileName(),
                    expired ? "expired" : "disk above clean-forcibly ratio");
            current = forced ? measure() : current;
        }
        return deleted;
    }

    private double measure() {
        double ratio = diskUsage.usedRatio(config.storePathRootDir());
        lastRatio = ratio;
        int percent = percent(ratio);
        if (percent > config.diskSpaceWarningLevelRatio()) {
            gate.diskFull(true, "disk is " + percent + "% full, above diskSpaceWarningLevelRatio "
                    + config.diskSpaceWarningLevelRatio() + "%: writes rejected until space is freed");
        } else {
            gate.diskFull(false, "");
        }
        return ratio;
    }

    private static int percent(double ratio) {
        return (int) Math.round(ratio * 100);
    }
}
