package io.ternmq.protocol.codec;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * A frame body that {@link FrameDecoder} gathered into a heap array of its own. The array belongs to this body
 * alone and is never pooled or reused after {@link #release()}, which is what lets {@link WireReader#restShared()}
 * hand it to decoded values that outlive the frame instead of copying it.
 */
final class GatheredBody extends UnpooledHeapByteBuf {
    GatheredBody(byte[] body) {
        super(UnpooledByteBufAllocator.DEFAULT, body, body.length);
    }

    @Override
    protected void freeArray(byte[] array) {
        // nothing to free or recycle: views handed out by restShared() may still read the array
    }
}
