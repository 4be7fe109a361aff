package io.ternmq.protocol.message;

/** How a consumer group shares messages. */
public enum MessageModel {
    /** Each message goes to one member of the group; queues are divided among members. */
    CLUSTERING,
    /** Each member gets every message; offsets are kept by the client. */
    BROADCASTING
}
