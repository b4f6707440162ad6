/**
 * Databento Binary Encoding (DBN) versions 1, 2 and 3: decoder, encoder and JSON printer, written from the format
 * description in docs/databento.md (sections 1-5) and checked against the expected decodings of Databento's own test
 * files.
 *
 * <h2>Reading</h2>
 * <ul>
 *   <li>{@link dev.flof.feeds.databento.dbn.DbnDecoder}: one {@link dev.flof.feeds.databento.dbn.DbnRecord} value
 *       per record ({@code next()} returns null at the end). {@code DbnDecoder.open(Path)},
 *       {@code open(InputStream, name)} (HTTP body, socket), {@code open(ReadableByteChannel, name)},
 *       {@code openFragment(...)} for records without metadata. Input is plain DBN, zstd (concatenated frames
 *       included) or legacy DBZ, detected from the first bytes; it is streamed, never loaded whole.</li>
 *   <li>{@link dev.flof.feeds.databento.dbn.DbnScanner}: the fast path without an object per record; {@code next()}
 *       positions a {@link dev.flof.feeds.databento.dbn.DbnRecordView} flyweight over a memory-mapped file or a
 *       reused buffer; {@code view().toRecord()} materializes a record when wanted.</li>
 *   <li>{@link dev.flof.feeds.databento.dbn.DbnMetadata}: dataset, schema, time range, symbols and mappings;
 *       raw codes plus {@link dev.flof.feeds.databento.dbn.Schema}/{@link dev.flof.feeds.databento.dbn.SType}
 *       views.</li>
 * </ul>
 * Records are Java records named after the C++ structs: {@code TradeMsg}, {@code Mbp1Msg} (also tbbo),
 * {@code Mbp10Msg}, {@code MboMsg}, {@code BboMsg}, {@code OhlcvMsg}, {@code StatusMsg}, {@code ImbalanceMsg},
 * {@code Cmbp1Msg}, {@code CbboMsg}, and the versioned {@code InstrumentDefMsgV1/V2/V3}, {@code StatMsgV1/V3},
 * {@code SymbolMappingMsgV1/V2}, {@code ErrorMsgV1/V2}, {@code SystemMsgV1/V2}; the version-independent interfaces
 * {@link dev.flof.feeds.databento.dbn.InstrumentDefMsg}, {@link dev.flof.feeds.databento.dbn.SymbolMappingMsg},
 * {@link dev.flof.feeds.databento.dbn.ErrorMsg} and {@link dev.flof.feeds.databento.dbn.SystemMsg} give the fields the
 * versions share (e.g. {@code if (r instanceof InstrumentDefMsg d) d.rawSymbol()}). Unknown types or sizes become
 * {@link dev.flof.feeds.databento.dbn.UnknownRecord} (skipped and counted by the decoder unless
 * {@code keepUnknown(true)}); streams with ts_out give {@link dev.flof.feeds.databento.dbn.WithTsOut}.
 *
 * <h2>Values</h2>
 * Prices are {@code long} fixed-point 1e-9 as in DBN (and FLOF); u32 fields are widened to {@code long}, u64 fields
 * keep their bits in a {@code long} (compare with {@code Long.compareUnsigned}). Null sentinels are never converted:
 * test with {@link dev.flof.feeds.databento.dbn.Dbn#isUndefPrice}, {@code Dbn.priceOrNull},
 * {@code Dbn.timestamp} (empty for UNDEF_TIMESTAMP). {@code c_char} fields are {@code char}, C strings are decoded up
 * to the first NUL.
 *
 * <h2>Errors</h2>
 * Bad magic, unsupported versions, impossible lengths, truncation and broken zstd data raise
 * {@link dev.flof.feeds.databento.dbn.DbnFormatException} (an {@code IOException}) with the byte offset in the
 * decompressed stream and the reason. Records returned before stay valid; a scanner that failed keeps failing with
 * the same exception. Lengths are checked before anything is allocated: a record is at most 1020 bytes by
 * construction and metadata counts must fit in the declared metadata length.
 *
 * <h2>Writing</h2>
 * {@link dev.flof.feeds.databento.dbn.DbnWriter}: {@code create(Path, DbnMetadata, Compression)} or
 * {@code open(OutputStream, ...)}, then {@code write(record)}; header lengths are computed, reserved bytes zeroed.
 *
 * <h2>Printing</h2>
 * {@link dev.flof.feeds.databento.dbn.DbnJson} prints metadata and records as one-line JSON in the conventions of
 * the expected decodings ({@code shared/data/dbn/expected}); {@link dev.flof.feeds.databento.dbn.InspectCommand} is
 * {@code flof data inspect FILE [--limit N]}, wired by the CLI through {@code InspectCommand.run(args, out, err)}.
 *
 * <p>Nothing here is thread-safe; use one decoder or writer per thread.
 */
package dev.flof.feeds.databento.dbn;
