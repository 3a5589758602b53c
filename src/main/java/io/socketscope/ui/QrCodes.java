package io.socketscope.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Draws a QR code straight into a JavaFX image (no AWT), for a phone camera to scan. */
final class QrCodes {

    private QrCodes() {
    }

    /** A QR code of {@code text}, about {@code size} pixels square, each module a whole number of pixels. */
    static WritableImage image(String text, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
        }
        int modules = matrix.getWidth();
        int scale = Math.max(1, size / modules);
        WritableImage image = new WritableImage(modules * scale, modules * scale);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < modules * scale; y++) {
            for (int x = 0; x < modules * scale; x++) {
                pixels.setColor(x, y, matrix.get(x / scale, y / scale) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
