package io.ternmq.broker.store.io;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * The one seam through which the store forces file data to disk. Tests wrap it to count fsyncs (group commit),
 * slow them down (FLUSH_DISK_TIMEOUT) or make them fail (fatal I/O error).
 */
@FunctionalInterface
public interface FileSync {
    FileSync FORCE = channel -> channel.force(false);

    void force(FileChannel channel) throws IOException;
}
