package io.ternmq.broker.handler.admin;

import io.ternmq.broker.BrokerVersion;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.stats.BrokerStats;
import io.ternmq.broker.store.StoreStatus;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/** BROKER_STATUS: named runtime figures (strings, so new ones need no protocol change). */
public final class BrokerStatusHandler implements RequestHandler<Empty> {
    private final BrokerCore core;
    private final IntSupplier connections;
    private final IntSupplier heldPulls;

    public BrokerStatusHandler(BrokerCore core, IntSupplier connections, IntSupplier heldPulls) {
        this.core = core;
        this.connections = connections;
        this.heldPulls = heldPulls;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Empty request) {
        BrokerStats stats = core.stats();
        StoreStatus store = core.messages().store().status();
        long now = core.clock().millis();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("brokerName", core.config().get(BrokerConfigKeys.BROKER_NAME));
        figures.put("version", BrokerVersion.VERSION);
        figures.put("startTime", Long.toString(stats.startMillis()));
        figures.put("uptimeMs", Long.toString(now - stats.startMillis()));
        figures.put("msgsInTotal", Long.toString(stats.messagesIn()));
        figures.put("msgsOutTotal", Long.toString(stats.messagesOut()));
        figures.put("bytesInTotal", Long.toString(stats.bytesIn()));
        figures.put("bytesOutTotal", Long.toString(stats.bytesOut()));
        figures.put("connections", Integer.toString(connections.getAsInt()));
        figures.put("heldPulls", Integer.toString(heldPulls.getAsInt()));
        figures.put("topics", Integer.toString(core.topics().size()));
        figures.put("commitLogMinOffset", Long.toString(store.commitLogMinOffset()));
        figures.put("commitLogMaxOffset", Long.toString(store.commitLogMaxOffset()));
        figures.put("flushedOffset", Long.toString(store.flushedOffset()));
        figures.put("dispatchedOffset", Long.toString(store.dispatchedOffset()));
        figures.put("diskUsedRatio", String.format(java.util.Locale.ROOT, "%.4f", store.diskUsedRatio()));
        figures.put("writable", Boolean.toString(store.writable()));
        figures.put("segmentCount", Integer.toString(store.segmentCount()));
        figures.put("flushDiskType", core.config().get(BrokerConfigKeys.FLUSH_DISK_TYPE).name());
        // producers size the route of a topic that auto-creation has not made yet from these (like RocketMQ's TBW102)
        figures.put("autoCreateTopicEnable", core.config().get(BrokerConfigKeys.AUTO_CREATE_TOPIC_ENABLE).toString());
        figures.put("defaultTopicQueueNums", core.config().get(BrokerConfigKeys.DEFAULT_TOPIC_QUEUE_NUMS).toString());
        figures.put("brokerRole", core.config().get(BrokerConfigKeys.BROKER_ROLE).name());
        return Reply.ok(new Progress.BrokerStatus(figures)).done();
    }
}
