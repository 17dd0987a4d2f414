package app.tandem.identity.totp;

import java.util.Arrays;

/**
 * Base32 as RFC 4648 §6 defines it (alphabet A–Z, 2–7; {@code =} pads to a multiple of eight
 * characters), the form authenticator apps take a TOTP secret in.
 */
public final class Base32 {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final int[] VALUES = new int[128];

	static {
		Arrays.fill(VALUES, -1);
		for (int i = 0; i < ALPHABET.length; i++) {
			VALUES[ALPHABET[i]] = i;
			VALUES[Character.toLowerCase(ALPHABET[i])] = i;
		}
	}

	private Base32() {
	}

	/** Padded, as RFC 4648 writes it (20 bytes, a TOTP secret, need no padding). */
	public static String encode(byte[] data) {
		StringBuilder out = new StringBuilder((data.length + 4) / 5 * 8);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
		}
		while (out.length() % 8 != 0) {
			out.append('=');
		}
		return out.toString();
	}

	/**
	 * The bytes of a Base32 text, in either case, padded or not.
	 * @throws IllegalArgumentException for any other character, padding inside the text, or a length
	 * that no encoding produces
	 */
	public static byte[] decode(String text) {
		int end = text.length();
		while (end > 0 && text.charAt(end - 1) == '=') {
			end--;
		}
		int symbols = end % 8;
		if (symbols == 1 || symbols == 3 || symbols == 6) {
			throw new IllegalArgumentException("not Base32: " + end + " symbols is no whole number of bytes");
		}
		byte[] out = new byte[end * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int written = 0;
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			int value = c < 128 ? VALUES[c] : -1;
			if (value < 0) {
				throw new IllegalArgumentException("not Base32: character " + (i + 1));
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out[written++] = (byte) (buffer >>> (bits - 8));
				bits -= 8;
			}
		}
		return out;
	}
}
