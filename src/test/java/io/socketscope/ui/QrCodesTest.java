package io.socketscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A QR code is only useful if a reader gets the URL back: decode it with the same library. */
class QrCodesTest {

    /** Reads the URL back out of a JavaFX image (also used by the window test). */
    static String decode(Image image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = reader.getArgb(x, y);
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://192.168.1.245:8080/", "http://[2001:db8::5]:8080/", "http://10.0.0.7:65535/"})
    void qrCodeDecodesBackToTheUrl(String url) throws Exception {
        assertEquals(url, decode(QrCodes.image(url, ConnectPanel.QR_SIZE)));
    }
}
