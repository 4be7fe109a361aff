package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

import java.util.List;

/** GET_CONSUMER_LIST and NOTIFY_CONSUMER_IDS_CHANGED: the live members of a consumer group. */
public final class ConsumerList {
    private ConsumerList() {
    }

    /** A group name. Wire: {@code string group}. */
    public record GroupRequest(String group) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group);
        }

        public static GroupRequest decode(WireReader in, int version) {
            return new GroupRequest(in.requiredString("group"));
        }
    }

    /** Client ids of the live members, sorted. Wire: {@code list<string> clientIds}. */
    public record Response(List<String> clientIds) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.stringList(clientIds);
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.stringList());
        }
    }
}
