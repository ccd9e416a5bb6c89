package news.gazette.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;


/**
 * Draws the abstract illustrations of the demo stories, so the demo ships no picture taken from anywhere.
 * The same key always gives the same picture; the media library encodes it and makes its variants.
 */
final class Illustrations {

    static final int WIDTH = 1200;
    static final int HEIGHT = 675;

    private static final Color[][] PALETTES = {
            {new Color(0x1d3557), new Color(0x457b9d), new Color(0xa8dadc), new Color(0xf1faee), new Color(0xe63946)},
            {new Color(0x264653), new Color(0x2a9d8f), new Color(0xe9c46a), new Color(0xf4a261), new Color(0xe76f51)},
            {new Color(0x3d405b), new Color(0x81b29a), new Color(0xf2cc8f), new Color(0xf4f1de), new Color(0xe07a5f)},
            {new Color(0x22223b), new Color(0x4a4e69), new Color(0x9a8c98), new Color(0xc9ada7), new Color(0xf2e9e4)},
            {new Color(0x003049), new Color(0x669bbc), new Color(0xfdf0d5), new Color(0xc1121f), new Color(0x780000)},
    };

    private Illustrations() {
    }

    static BufferedImage draw(String motif, String key) {
        Random random = new Random(key.hashCode());
        Color[] palette = PALETTES[Math.floorMod(key.hashCode(), PALETTES.length)];
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, palette[3], 0, HEIGHT, palette[2]));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            switch (motif) {
                case "mountains" -> mountains(g, palette, random);
                case "skyline" -> skyline(g, palette, random);
                case "waves" -> waves(g, palette, random);
                case "chart" -> chart(g, palette, random);
                case "field" -> field(g, palette, random);
                case "orbit" -> orbit(g, palette, random);
                default -> throw new IllegalArgumentException("Unknown motif: " + motif);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void sun(Graphics2D g, Color color, double x, double y, double r) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    private static void mountains(Graphics2D g, Color[] p, Random random) {
        sun(g, p[4], 850 + random.nextInt(150), 170, 80);
        for (int layer = 0; layer < 4; layer++) {
            Path2D ridge = new Path2D.Double();
            double base = 330 + layer * 95;
            ridge.moveTo(0, HEIGHT);
            ridge.lineTo(0, base);
            for (int x = 0; x <= WIDTH; x += 100) {
                ridge.lineTo(x, base - random.nextInt(150 - layer * 25));
            }
            ridge.lineTo(WIDTH, HEIGHT);
            ridge.closePath();
            g.setColor(blend(p[1], p[0], layer / 3.0));
            g.fill(ridge);
        }
    }

    private static void skyline(Graphics2D g, Color[] p, Random random) {
        sun(g, p[4], 250 + random.nextInt(600), 190, 70);
        for (int row = 0; row < 2; row++) {
            int x = -20;
            while (x < WIDTH) {
                int w = 60 + random.nextInt(90);
                int h = 160 + random.nextInt(260) - row * 90;
                g.setColor(row == 0 ? p[1] : p[0]);
                g.fillRect(x, HEIGHT - h, w - 8, h);
                if (row == 1) {
                    g.setColor(p[3]);
                    for (int wy = HEIGHT - h + 20; wy < HEIGHT - 20; wy += 34) {
                        for (int wx = x + 12; wx < x + w - 24; wx += 24) {
                            if (random.nextInt(3) > 0) {
                                g.fillRect(wx, wy, 10, 16);
                            }
                        }
                    }
                }
                x += w;
            }
        }
    }

    private static void waves(Graphics2D g, Color[] p, Random random) {
        sun(g, p[4], 300 + random.nextInt(600), 150, 60);
        for (int layer = 0; layer < 5; layer++) {
            Path2D wave = new Path2D.Double();
            double base = 300 + layer * 75;
            double phase = random.nextDouble() * Math.PI * 2;
            wave.moveTo(0, HEIGHT);
            for (int x = 0; x <= WIDTH; x += 10) {
                wave.lineTo(x, base + Math.sin(x / 90.0 + phase) * (18 + layer * 4));
            }
            wave.lineTo(WIDTH, HEIGHT);
            wave.closePath();
            g.setColor(blend(p[1], p[0], layer / 4.0));
            g.fill(wave);
        }
    }

    private static void chart(Graphics2D g, Color[] p, Random random) {
        g.setColor(p[0]);
        g.setStroke(new BasicStroke(4));
        g.drawLine(120, HEIGHT - 90, WIDTH - 100, HEIGHT - 90);
        int bars = 8;
        double height = 120;
        for (int i = 0; i < bars; i++) {
            height += 20 + random.nextInt(45);
            int x = 150 + i * 120;
            g.setColor(i == bars - 1 ? p[4] : p[1]);
            g.fillRect(x, (int) (HEIGHT - 90 - height), 80, (int) height);
        }
    }

    private static void field(Graphics2D g, Color[] p, Random random) {
        sun(g, p[4], 200 + random.nextInt(800), 140, 75);
        int horizon = 300;
        for (int row = 0; row < 14; row++) {
            double y0 = horizon + Math.pow(row / 14.0, 1.6) * (HEIGHT - horizon);
            double y1 = horizon + Math.pow((row + 1) / 14.0, 1.6) * (HEIGHT - horizon);
            g.setColor(row % 2 == 0 ? p[1] : blend(p[1], p[0], 0.5));
            g.fillRect(0, (int) y0, WIDTH, (int) Math.ceil(y1 - y0));
        }
    }

    private static void orbit(Graphics2D g, Color[] p, Random random) {
        g.setPaint(new GradientPaint(0, 0, p[0], 0, HEIGHT, blend(p[0], p[1], 0.6)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(p[3]);
        for (int i = 0; i < 120; i++) {
            int s = 1 + random.nextInt(3);
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), s, s);
        }
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        g.setStroke(new BasicStroke(3));
        for (int ring = 1; ring <= 3; ring++) {
            g.setColor(blend(p[2], p[0], 0.3));
            g.draw(new Ellipse2D.Double(cx - 140 - ring * 70, cy - 45 - ring * 28, 280 + ring * 140, 90 + ring * 56));
            double angle = random.nextDouble() * Math.PI * 2;
            sun(g, p[4], cx + Math.cos(angle) * (140 + ring * 70), cy + Math.sin(angle) * (45 + ring * 28), 12);
        }
        sun(g, p[2], cx, cy, 110);
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
