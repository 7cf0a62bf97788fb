package dev.spindle.runtime.rpc;

import dev.spindle.runtime.util.InstantiationUtil;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Control messages are Java-serialized objects in length-prefixed frames. They contain only
 * Spindle's own classes; user code inside them travels as byte arrays.
 */
final class RpcCodec {

    static final int MAX_FRAME = 512 * 1024 * 1024;

    private RpcCodec() {
    }

    static void install(ChannelPipeline pipeline) {
        pipeline.addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4))
                .addLast(new LengthFieldPrepender(4))
                .addLast(new Encoder())
                .addLast(new Decoder());
    }

    private static final class Encoder extends MessageToByteEncoder<Serializable> {
        @Override
        protected void encode(ChannelHandlerContext ctx, Serializable msg, ByteBuf out) throws Exception {
            try (ObjectOutputStream oos = new ObjectOutputStream(new ByteBufOutputStream(out))) {
                oos.writeObject(msg);
            }
        }
    }

    private static final class Decoder extends MessageToMessageDecoder<ByteBuf> {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) throws Exception {
            try (var in = new InstantiationUtil.ClassLoaderObjectInputStream(new ByteBufInputStream(msg),
                    RpcCodec.class.getClassLoader())) {
                out.add(in.readObject());
            }
        }
    }
}
