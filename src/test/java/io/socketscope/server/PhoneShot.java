package io.socketscope.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The README's phone screenshot: the live page in headless Chromium at 390x844, after "Hold 3 connections".
 * Not a test. {@code java -cp ... io.socketscope.server.PhoneShot PORT OUT.png [SECONDS_TO_STAY]}: the browser
 * stays open (its sockets with it) for that long after the shot, so that the window can be shot beside it.
 */
public final class PhoneShot {

    private PhoneShot() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        int stay = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        try (PhoneBrowser phone = PhoneBrowser.open()) {
            phone.driver.get("http://127.0.0.1:" + port + "/");
            phone.await(15, "the live view", d -> d.findElement(By.id("live-says")).getText().startsWith("This live"));
            phone.driver.findElement(By.id("hold3")).click();
            phone.await(15, "three held", d -> d.findElements(By.cssSelector("#held li.held")).stream()
                    .filter(li -> li.getText().startsWith("fd ")).count() == 3);
            Thread.sleep(1500); // the next update lists them among this address's sockets
            Files.write(out, ((TakesScreenshot) phone.driver).getScreenshotAs(OutputType.BYTES));
            System.out.println("phone screenshot: " + out);
            Thread.sleep(stay * 1000L);
        }
    }
}
