package org.audiotag.features.io;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Ogg Vorbis decoder driving JOrbis directly (SyncState, StreamState, the three Vorbis header packets, then
 * DspState/Block synthesis), never through the javax.sound SPI, which truncates. Every audio packet is decoded;
 * the output is trimmed to the granule position of the last page, as libvorbis does. Lost sync, packet holes,
 * a missing end-of-stream page and decoder failures raise {@link AudioFormatException}.
 *
 * <p>Safe on any bytes: JOrbis trusts the Vorbis header fields, so each header packet is first checked by
 * {@link VorbisHeaderCheck} (lengths against the packet, codebook sizes, residue ranges, indices); the Ogg layer
 * consumes at least one input chunk or one page per step; decoding stops at the first page that fails its CRC or
 * sequence and the first packet JOrbis cannot decode; the output is capped at {@link AudioDecoder#MAX_SAMPLES}; and
 * a NaN or infinite output sample (possible with crafted codebook values) is an error naming its frame and channel.
 */
final class OggVorbisReader {

    private static final int CHUNK = 8192;

    private OggVorbisReader() {
    }

    static DecodedAudio read(byte[] bytes, Path file) throws AudioFormatException {
        try {
            return decode(bytes, file);
        } catch (AudioFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // JOrbis signals some corrupt streams with index errors deep inside the codec
            throw new AudioFormatException(file, "corrupt Ogg Vorbis stream (" + e + ")", e);
        }
    }

    /** Feeds the sync layer from the in-memory file; returns false at end of input. */
    private static final class Feeder {
        private final byte[] bytes;
        private final SyncState sync;
        private int pos;

        Feeder(byte[] bytes, SyncState sync) {
            this.bytes = bytes;
            this.sync = sync;
        }

        boolean feed() {
            if (pos >= bytes.length) {
                return false;
            }
            int n = Math.min(CHUNK, bytes.length - pos);
            int index = sync.buffer(n);
            System.arraycopy(bytes, pos, sync.data, index, n);
            sync.wrote(n);
            pos += n;
            return true;
        }

        int position() {
            return pos;
        }
    }

    private static DecodedAudio decode(byte[] bytes, Path file) throws AudioFormatException {
        SyncState sync = new SyncState();
        StreamState stream = new StreamState();
        Page page = new Page();
        Packet packet = new Packet();
        Info info = new Info();
        Comment comment = new Comment();
        DspState dsp = new DspState();
        sync.init();
        Feeder feeder = new Feeder(bytes, sync);

        // first page: must carry the Vorbis identification header
        int r;
        while ((r = sync.pageout(page)) != 1) {
            if (r == -1) {
                throw new AudioFormatException(file, "not an Ogg stream (no page at the start of the file)");
            }
            if (!feeder.feed()) {
                throw new AudioFormatException(file, "Ogg stream ends before its first page");
            }
        }
        int serial = page.serialno();
        stream.init(serial);
        info.init();
        comment.init();
        if (stream.pagein(page) < 0) {
            throw new AudioFormatException(file, "corrupt first Ogg page");
        }
        if (stream.packetout(packet) != 1) {
            throw new AudioFormatException(file, "cannot read the initial Vorbis header packet");
        }
        VorbisHeaderCheck.Identification id = VorbisHeaderCheck.identification(packet.packet_base, packet.packet,
                packet.bytes, file);
        if (info.synthesis_headerin(comment, packet) < 0) {
            throw new AudioFormatException(file, "Ogg stream does not contain Vorbis audio (unsupported codec)");
        }
        // comment and setup headers
        int headers = 1;
        while (headers < 3) {
            r = sync.pageout(page);
            if (r == 0) {
                if (!feeder.feed()) {
                    throw new AudioFormatException(file, "Ogg Vorbis stream truncated inside its headers");
                }
                continue;
            }
            if (r < 0) {
                throw new AudioFormatException(file, "corrupt Ogg page in the Vorbis headers (near byte "
                        + feeder.position() + ")");
            }
            if (stream.pagein(page) < 0) {
                throw new AudioFormatException(file, "Ogg page of another logical stream inside the Vorbis headers");
            }
            while (headers < 3) {
                r = stream.packetout(packet);
                if (r == 0) {
                    break;
                }
                if (r < 0) {
                    throw new AudioFormatException(file, "corrupt Vorbis header packet " + (headers + 1));
                }
                if (headers == 1) {
                    VorbisHeaderCheck.comment(packet.packet_base, packet.packet, packet.bytes, file);
                } else {
                    VorbisHeaderCheck.setup(packet.packet_base, packet.packet, packet.bytes, id, file);
                }
                if (info.synthesis_headerin(comment, packet) < 0) {
                    throw new AudioFormatException(file, "corrupt Vorbis header packet " + (headers + 1));
                }
                headers++;
            }
        }
        int channels = id.channels();
        int rate = id.rate();
        int maxFrames = Limits.maxFrames(channels);
        dsp.synthesis_init(info);
        Block block = new Block(dsp);

        // grown by doubling; the first block is small for a small file, whatever its channel count
        float[][] out = new float[channels][(int) Math.min(Math.min(1 << 16, maxFrames),
                4096 + 8L * bytes.length / channels)];
        int frames = 0;
        float[][][] pcmRef = new float[1][][];
        int[] index = new int[channels];
        long lastGranule = -1;
        boolean eos = false;
        while (!eos) {
            r = sync.pageout(page);
            if (r == 0) {
                if (!feeder.feed()) {
                    break;
                }
                continue;
            }
            if (r < 0) {
                throw new AudioFormatException(file, "corrupt or missing data in the Ogg stream (lost sync near byte "
                        + feeder.position() + ")");
            }
            if (page.serialno() != serial) {
                throw new AudioFormatException(file, "chained or multiplexed Ogg streams are not supported"
                        + " (second logical stream near byte " + feeder.position() + ")");
            }
            if (stream.pagein(page) < 0) {
                throw new AudioFormatException(file, "Ogg page out of sequence near byte " + feeder.position());
            }
            while (true) {
                r = stream.packetout(packet);
                if (r == 0) {
                    break;
                }
                if (r < 0) {
                    throw new AudioFormatException(file, "missing Ogg page (packet hole) near byte "
                            + feeder.position());
                }
                if (block.synthesis(packet) == 0) {
                    dsp.synthesis_blockin(block);
                } else {
                    throw new AudioFormatException(file, "undecodable Vorbis audio packet " + packet.packetno);
                }
                int samples;
                while ((samples = dsp.synthesis_pcmout(pcmRef, index)) > 0) {
                    if (frames + samples > maxFrames) {
                        throw new AudioFormatException(file, "Ogg Vorbis stream holds more than " + maxFrames
                                + " frames x " + channels + " channels, more than the " + AudioDecoder.MAX_SAMPLES
                                + " samples a file may decode to");
                    }
                    if (frames + samples > out[0].length) {
                        int cap = (int) Math.min(maxFrames, Math.max(frames + samples, 2L * out[0].length));
                        for (int c = 0; c < channels; c++) {
                            out[c] = Arrays.copyOf(out[c], cap);
                        }
                    }
                    float[][] pcm = pcmRef[0];
                    for (int c = 0; c < channels; c++) {
                        System.arraycopy(pcm[c], index[c], out[c], frames, samples);
                    }
                    Limits.checkFinite(file, "Vorbis", out, frames, frames + samples);
                    frames += samples;
                    dsp.synthesis_read(samples);
                }
            }
            if (page.granulepos() >= 0) {
                lastGranule = page.granulepos();
            }
            if (page.eos() != 0) {
                eos = true;
            }
        }
        if (!eos) {
            throw new AudioFormatException(file, "Ogg Vorbis stream truncated: no end-of-stream page ("
                    + frames + " frames decoded)");
        }
        // libvorbis trims the last packet to the final granule position
        int n = frames;
        if (lastGranule >= 0 && lastGranule < frames) {
            n = (int) lastGranule;
        }
        float[][] result = new float[channels][];
        for (int c = 0; c < channels; c++) {
            result[c] = Arrays.copyOf(out[c], n);
        }
        block.clear();
        dsp.clear();
        stream.clear();
        sync.clear();
        return new DecodedAudio(result, rate, file, true);
    }
}
