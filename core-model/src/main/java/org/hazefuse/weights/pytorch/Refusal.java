package org.hazefuse.weights.pytorch;

/**
 * Why a checkpoint cannot be read, in one line; {@link TorchCheckpoint} turns it into a
 * {@link org.hazefuse.io.BadInputException} naming the file.
 */
final class Refusal extends RuntimeException {
    private static final int MAX_QUOTED = 100;

    Refusal(String message) {
        super(message, null, false, false);
    }

    /**
     * A name or text taken from the file, quoted, cut short, with control and format characters, line separators
     * and undecodable bytes shown as {@code ?}: a message stays one readable line whatever the file holds.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean shown = !Character.isISOControl(c) && c != '\ufffd' && type != Character.LINE_SEPARATOR
                    && type != Character.PARAGRAPH_SEPARATOR && type != Character.FORMAT
                    && type != Character.SURROGATE;
            out.append(shown ? c : '?');
        }
        if (text.length() > MAX_QUOTED) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
