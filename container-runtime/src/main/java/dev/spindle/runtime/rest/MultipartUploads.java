package dev.spindle.runtime.rest;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the single file part of a {@code multipart/form-data} request. The request is already
 * aggregated (and size-limited) in memory, so parts are kept in memory too. Any field name is
 * accepted for the file part; other (non-file) fields are ignored.
 */
final class MultipartUploads {

    /** Receives the file; {@code content} is only valid during the call. */
    @FunctionalInterface
    interface FileConsumer<T> {
        T accept(String fileName, ByteBuf content) throws IOException;
    }

    private MultipartUploads() {
    }

    static <T> T readSingleFile(FullHttpRequest request, FileConsumer<T> consumer) throws IOException {
        if (!HttpPostRequestDecoder.isMultipart(request)) {
            throw RestException.badRequest("Expected a multipart/form-data body with one .jar file");
        }
        HttpPostRequestDecoder decoder = open(request);
        try {
            FileUpload file = null;
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload upload) {
                    if (file != null) {
                        throw RestException.badRequest("Expected one file in the upload, got several");
                    }
                    file = upload;
                }
            }
            if (file == null) {
                throw RestException.badRequest("The multipart body has no file part");
            }
            return consumer.accept(file.getFilename(), file.getByteBuf());
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException
                 | HttpPostRequestDecoder.NotEnoughDataDecoderException e) {
            throw malformed(e);
        } finally {
            decoder.destroy();
        }
    }

    private static HttpPostRequestDecoder open(FullHttpRequest request) {
        try {
            return new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request, StandardCharsets.UTF_8);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw malformed(e);
        }
    }

    private static RestException malformed(Exception e) {
        return RestException.badRequest("Malformed multipart body: " + e.getMessage());
    }
}
