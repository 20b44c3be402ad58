package org.audiotag.features.io;

import java.nio.file.Path;

/**
 * Checks the three Vorbis header packets (Vorbis I specification, sections 4.2 and 5) before JOrbis sees them, so
 * that no header field can make JOrbis allocate beyond what the packet itself could describe or loop without end.
 * JOrbis trusts these fields: it allocates the comment vendor string and comment list from their 32-bit lengths,
 * codebook tables from the 24-bit entry count (and {@code entries x dimensions} values), residue work arrays from the
 * residue's 24-bit end, and its {@code maptype1_quantvals} loops forever for a codebook of 0 dimensions.
 *
 * <p>The checks are those of libvorbis 1.3 ({@code vorbis_staticbook_unpack}, {@code floor1_unpack},
 * {@code res0_unpack}, {@code mapping0_unpack}), plus these limits: identification header rate, channels and block
 * sizes within {@link AudioDecoder}'s limits and the specification's 64 to 8192; at most {@link #MAX_BOOK_VALUES}
 * codebook entries times dimensions in all codebooks together (at most 10051 in the 318 libvorbis-encoded
 * clips shipped in {@code data/}); a residue's
 * end within the longest block ({@code blocksize_1 / 2} samples per channel). Every problem is an
 * {@link AudioFormatException} naming the header and the field.
 */
final class VorbisHeaderCheck {

    /** Most codebook entries x dimensions, summed over the codebooks of a setup header. */
    static final long MAX_BOOK_VALUES = 1L << 18;

    private static final int MAX_FLOOR1_POSTS = 65;

    private VorbisHeaderCheck() {
    }

    /** The fields of the identification header that the later checks need. */
    record Identification(int channels, int rate, int blocksize0, int blocksize1) {
    }

    /** LSB-first bit reader over one packet (the Vorbis bit order); reads past the end throw. */
    private static final class Bits {
        private final byte[] b;
        private final int end;
        private long pos;
        private final Path file;
        private final String header;

        Bits(byte[] b, int off, int len, Path file, String header) {
            this.b = b;
            this.pos = (long) off * 8;
            this.end = off + len;
            this.file = file;
            this.header = header;
        }

        long left() {
            return (long) end * 8 - pos;
        }

        int read(int n, String field) throws AudioFormatException {
            if (n == 0) {
                return 0;
            }
            if (left() < n) {
                throw new AudioFormatException(file, "Vorbis " + header + " header ends inside " + field);
            }
            long v = 0;
            for (int i = 0; i < n; i++, pos++) {
                int bit = (b[(int) (pos >>> 3)] >>> (pos & 7)) & 1;
                v |= (long) bit << i;
            }
            return (int) v;
        }

        long readUnsigned32(String field) throws AudioFormatException {
            return Integer.toUnsignedLong(read(32, field));
        }

        void skip(long n, String field) throws AudioFormatException {
            if (left() < n) {
                throw new AudioFormatException(file, "Vorbis " + header + " header ends inside " + field);
            }
            pos += n;
        }

        AudioFormatException bad(String problem) {
            return new AudioFormatException(file, "invalid Vorbis " + header + " header: " + problem);
        }
    }

    private static Bits open(byte[] b, int off, int len, int type, Path file, String header)
            throws AudioFormatException {
        Bits r = new Bits(b, off, len, file, header);
        if (len < 7 || (b[off] & 0xFF) != type || b[off + 1] != 'v' || b[off + 2] != 'o' || b[off + 3] != 'r'
                || b[off + 4] != 'b' || b[off + 5] != 'i' || b[off + 6] != 's') {
            throw new AudioFormatException(file, "Ogg stream does not contain Vorbis audio (unsupported codec or"
                    + " missing " + header + " header)");
        }
        r.skip(56, "the packet type");
        return r;
    }

    /**
     * Checks the identification header (packet type 1).
     *
     * @param b packet bytes
     * @param off first byte of the packet
     * @param len packet length
     * @param file the file, for messages
     * @return the header's channels, rate and block sizes
     * @throws AudioFormatException if the packet is not a Vorbis identification header or a field is out of range
     */
    static Identification identification(byte[] b, int off, int len, Path file) throws AudioFormatException {
        Bits r = open(b, off, len, 1, file, "identification");
        long version = r.readUnsigned32("the version");
        if (version != 0) {
            throw r.bad("version " + version + " (only 0 exists)");
        }
        int channels = r.read(8, "the channel count");
        long rate = r.readUnsigned32("the sample rate");
        r.skip(96, "the bitrates");
        int bs0 = r.read(4, "blocksize_0");
        int bs1 = r.read(4, "blocksize_1");
        int framing = r.read(1, "the framing bit");
        Limits.checkChannels(file, "Vorbis header", channels);
        Limits.checkSampleRate(file, "Vorbis header", rate);
        if (bs0 < 6 || bs0 > 13 || bs1 < 6 || bs1 > 13 || bs0 > bs1) {
            throw r.bad("block sizes 2^" + bs0 + " and 2^" + bs1 + " (must be powers of two from 64 to 8192,"
                    + " the first not larger)");
        }
        if (framing != 1) {
            throw r.bad("framing bit not set");
        }
        return new Identification(channels, (int) rate, 1 << bs0, 1 << bs1);
    }

    /**
     * Checks the comment header (packet type 3): the vendor string and every comment must fit in the packet.
     *
     * @param b packet bytes
     * @param off first byte of the packet
     * @param len packet length
     * @param file the file, for messages
     * @throws AudioFormatException if a length runs past the end of the packet
     */
    static void comment(byte[] b, int off, int len, Path file) throws AudioFormatException {
        Bits r = open(b, off, len, 3, file, "comment");
        long vendor = r.readUnsigned32("the vendor length");
        if (vendor * 8 > r.left()) {
            throw r.bad("vendor string of " + vendor + " bytes in a packet of " + len + " bytes");
        }
        r.skip(vendor * 8, "the vendor string");
        long count = r.readUnsigned32("the comment count");
        if (count * 32 > r.left()) {
            throw r.bad(count + " comments in a packet of " + len + " bytes");
        }
        for (long i = 0; i < count; i++) {
            long n = r.readUnsigned32("a comment length");
            if (n * 8 > r.left()) {
                throw r.bad("comment " + i + " of " + n + " bytes runs past the end of the packet");
            }
            r.skip(n * 8, "a comment");
        }
        if (r.read(1, "the framing bit") != 1) {
            throw r.bad("framing bit not set");
        }
    }

    /**
     * Checks the setup header (packet type 5): codebooks, time-domain transforms, floors, residues, mappings and
     * modes, with every index in range and every size bounded.
     *
     * @param b packet bytes
     * @param off first byte of the packet
     * @param len packet length
     * @param id the stream's identification header
     * @param file the file, for messages
     * @throws AudioFormatException naming the first field that is out of range or runs past the packet
     */
    static void setup(byte[] b, int off, int len, Identification id, Path file) throws AudioFormatException {
        Bits r = open(b, off, len, 5, file, "setup");
        int books = r.read(8, "the codebook count") + 1;
        int[] maptype = new int[books];
        int[] entries = new int[books];
        int[] dims = new int[books];
        long values = 0;
        for (int i = 0; i < books; i++) {
            String book = "codebook " + i;
            if (r.read(24, book) != 0x564342) {
                throw r.bad(book + " lacks its sync pattern");
            }
            int dim = r.read(16, book);
            int n = r.read(24, book);
            if (dim == 0 || n == 0) {
                throw r.bad(book + " has " + dim + " dimensions and " + n + " entries (both must be positive)");
            }
            if (ilog(dim) + ilog(n) > 24) {
                throw r.bad(book + " has " + dim + " dimensions x " + n + " entries (libvorbis allows 2^24)");
            }
            values += (long) n * dim;
            if (values > MAX_BOOK_VALUES) {
                throw r.bad("the codebooks hold more than " + MAX_BOOK_VALUES + " entries x dimensions");
            }
            entries[i] = n;
            dims[i] = dim;
            // Kraft sum of the codeword lengths in units of 2^-32: above 2^32 the Huffman tree is overpopulated
            long kraft = 0;
            if (r.read(1, book) == 0) { // unordered lengths
                boolean sparse = r.read(1, book) == 1;
                if ((long) n * (sparse ? 1 : 5) > r.left()) {
                    throw r.bad(book + " declares " + n + " codeword lengths, more than the packet holds");
                }
                for (int e = 0; e < n; e++) {
                    if (!sparse || r.read(1, book) == 1) {
                        kraft += 1L << (32 - (r.read(5, book) + 1));
                    }
                }
            } else { // ordered lengths: runs of equal length
                int length = r.read(5, book) + 1;
                int e = 0;
                while (e < n) {
                    if (length > 32) {
                        throw r.bad(book + " has codewords longer than 32 bits");
                    }
                    int run = r.read(ilog(n - e), book);
                    if (run > n - e) {
                        throw r.bad(book + " declares more codeword lengths than its " + n + " entries");
                    }
                    kraft += (long) run << (32 - length);
                    e += run;
                    length++;
                }
            }
            if (kraft > 1L << 32) {
                throw r.bad(book + " has an overpopulated Huffman tree (codeword lengths violate Kraft's"
                        + " inequality)");
            }
            int type = r.read(4, book);
            maptype[i] = type;
            if (type == 1 || type == 2) {
                r.skip(64, book);
                int valueBits = r.read(4, book) + 1;
                r.read(1, book);
                long quantvals = type == 1 ? lookup1Values(n, dim) : (long) n * dim;
                if (quantvals * valueBits > r.left()) {
                    throw r.bad(book + " declares " + quantvals + " lookup values, more than the packet holds");
                }
                r.skip(quantvals * valueBits, book);
            } else if (type != 0) {
                throw r.bad(book + " has the reserved lookup type " + type);
            }
        }
        int times = r.read(6, "the time count") + 1;
        for (int i = 0; i < times; i++) {
            if (r.read(16, "a time type") != 0) {
                throw r.bad("time-domain transform " + i + " is not of type 0");
            }
        }
        int floors = r.read(6, "the floor count") + 1;
        for (int i = 0; i < floors; i++) {
            int type = r.read(16, "a floor type");
            if (type == 0) {
                floor0(r, i, books);
            } else if (type == 1) {
                floor1(r, i, books);
            } else {
                throw r.bad("floor " + i + " has the reserved type " + type);
            }
        }
        int residues = r.read(6, "the residue count") + 1;
        long maxEnd = (long) id.blocksize1() / 2;
        for (int i = 0; i < residues; i++) {
            String res = "residue " + i;
            int type = r.read(16, res);
            if (type > 2) {
                throw r.bad(res + " has the reserved type " + type);
            }
            int begin = r.read(24, res);
            int end = r.read(24, res);
            r.read(24, res); // partition size - 1
            int classifications = r.read(6, res) + 1;
            int classbook = r.read(8, res);
            long limit = type == 2 ? maxEnd * id.channels() : maxEnd;
            if (begin > end || end > limit) {
                throw r.bad(res + " covers samples " + begin + " to " + end + " (at most " + limit
                        + " exist)");
            }
            if (classbook >= books) {
                throw r.bad(res + " uses codebook " + classbook + " of " + books);
            }
            long partvals = 1;
            for (int d = 0; d < dims[classbook]; d++) {
                partvals *= classifications;
                if (partvals > entries[classbook]) {
                    throw r.bad(res + ": its classification codebook " + classbook + " is too small");
                }
            }
            int[] cascade = new int[classifications];
            for (int c = 0; c < classifications; c++) {
                int low = r.read(3, res);
                int high = r.read(1, res) == 1 ? r.read(5, res) : 0;
                cascade[c] = (high << 3) | low;
            }
            for (int c = 0; c < classifications; c++) {
                for (int bit = 0; bit < 8; bit++) {
                    if ((cascade[c] & (1 << bit)) != 0) {
                        int book = r.read(8, res);
                        if (book >= books || maptype[book] == 0) {
                            throw r.bad(res + " uses codebook " + book + ", which does not exist or has no values");
                        }
                    }
                }
            }
        }
        int maps = r.read(6, "the mapping count") + 1;
        for (int i = 0; i < maps; i++) {
            mapping(r, i, id.channels(), floors, residues);
        }
        int modes = r.read(6, "the mode count") + 1;
        for (int i = 0; i < modes; i++) {
            r.read(1, "a mode");
            int window = r.read(16, "a mode");
            int transform = r.read(16, "a mode");
            int mapping = r.read(8, "a mode");
            if (window != 0 || transform != 0 || mapping >= maps) {
                throw r.bad("mode " + i + " has window type " + window + ", transform type " + transform
                        + " and mapping " + mapping + " of " + maps);
            }
        }
        if (r.read(1, "the framing bit") != 1) {
            throw r.bad("framing bit not set");
        }
    }

    private static void floor0(Bits r, int index, int books) throws AudioFormatException {
        String f = "floor " + index;
        int order = r.read(8, f);
        int rate = r.read(16, f);
        int barkMap = r.read(16, f);
        r.read(6, f);
        r.read(8, f);
        int n = r.read(4, f) + 1;
        if (order < 1 || rate < 1 || barkMap < 1) {
            throw r.bad(f + " has order " + order + ", rate " + rate + " and bark map size " + barkMap);
        }
        for (int j = 0; j < n; j++) {
            int book = r.read(8, f);
            if (book >= books) {
                throw r.bad(f + " uses codebook " + book + " of " + books);
            }
        }
    }

    private static void floor1(Bits r, int index, int books) throws AudioFormatException {
        String f = "floor " + index;
        int partitions = r.read(5, f);
        int[] partitionClass = new int[partitions];
        int maxClass = -1;
        for (int j = 0; j < partitions; j++) {
            partitionClass[j] = r.read(4, f);
            maxClass = Math.max(maxClass, partitionClass[j]);
        }
        int[] classDims = new int[maxClass + 1];
        for (int j = 0; j <= maxClass; j++) {
            classDims[j] = r.read(3, f) + 1;
            int subclasses = r.read(2, f);
            if (subclasses > 0) {
                int master = r.read(8, f);
                if (master >= books) {
                    throw r.bad(f + " uses codebook " + master + " of " + books);
                }
            }
            for (int k = 0; k < (1 << subclasses); k++) {
                int book = r.read(8, f) - 1;
                if (book >= books) {
                    throw r.bad(f + " uses codebook " + book + " of " + books);
                }
            }
        }
        r.read(2, f); // multiplier - 1
        int rangeBits = r.read(4, f);
        int posts = 2;
        for (int j = 0; j < partitions; j++) {
            posts += classDims[partitionClass[j]];
            if (posts > MAX_FLOOR1_POSTS) {
                throw r.bad(f + " has more than " + MAX_FLOOR1_POSTS + " posts");
            }
        }
        int[] x = new int[posts];
        x[0] = 0;
        x[1] = 1 << rangeBits;
        for (int j = 2; j < posts; j++) {
            x[j] = r.read(rangeBits, f);
        }
        int[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        for (int j = 1; j < posts; j++) {
            if (sorted[j] == sorted[j - 1]) {
                throw r.bad(f + " has two posts at x = " + sorted[j]);
            }
        }
    }

    private static void mapping(Bits r, int index, int channels, int floors, int residues)
            throws AudioFormatException {
        String m = "mapping " + index;
        int type = r.read(16, m);
        if (type != 0) {
            throw r.bad(m + " has the reserved type " + type);
        }
        int submaps = r.read(1, m) == 1 ? r.read(4, m) + 1 : 1;
        if (r.read(1, m) == 1) {
            int steps = r.read(8, m) + 1;
            int bits = ilog(channels - 1);
            for (int s = 0; s < steps; s++) {
                int magnitude = r.read(bits, m);
                int angle = r.read(bits, m);
                if (magnitude == angle || magnitude >= channels || angle >= channels) {
                    throw r.bad(m + " couples channels " + magnitude + " and " + angle + " of " + channels);
                }
            }
        }
        if (r.read(2, m) != 0) {
            throw r.bad(m + " has reserved bits set");
        }
        if (submaps > 1) {
            for (int c = 0; c < channels; c++) {
                int mux = r.read(4, m);
                if (mux >= submaps) {
                    throw r.bad(m + " maps channel " + c + " to submap " + mux + " of " + submaps);
                }
            }
        }
        for (int s = 0; s < submaps; s++) {
            r.read(8, m);
            int floor = r.read(8, m);
            int residue = r.read(8, m);
            if (floor >= floors || residue >= residues) {
                throw r.bad(m + " uses floor " + floor + " of " + floors + " and residue " + residue + " of "
                        + residues);
            }
        }
    }

    /** Number of bits needed for {@code v}: 0 for 0, else {@code floor(log2(v)) + 1} (the specification's ilog). */
    static int ilog(long v) {
        return v <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(v);
    }

    /** The largest {@code r} with {@code r^dim <= entries} (the specification's lookup1_values), without overflow. */
    static long lookup1Values(int entries, int dim) {
        long r = (long) Math.floor(Math.pow(entries, 1.0 / dim));
        while (r > 0 && pow(r, dim) > entries) {
            r--;
        }
        while (pow(r + 1, dim) <= entries) {
            r++;
        }
        return r;
    }

    private static long pow(long base, int exp) {
        long p = 1;
        for (int i = 0; i < exp; i++) {
            p *= base;
            if (p > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }
}
