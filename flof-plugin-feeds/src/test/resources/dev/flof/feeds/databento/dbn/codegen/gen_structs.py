"""Generates the DBN struct records and DbnStructs.java of dev.flof.feeds.databento.dbn from the offset tables
of docs/databento.md section 4 (the layouts checked against databento-cpp 0.65.0).

Usage (from the repository root):
  python3 flof-plugin-feeds/src/test/resources/dev/flof/feeds/databento/dbn/codegen/gen_structs.py \
      ../shared/docs/databento.md flof-plugin-feeds/src/main/java/dev/flof/feeds/databento/dbn/
Review the diff afterwards; ExpectedFilesTest and RoundTripTest check the result against the golden decodings.
"""
import re, sys, os
doc = open(sys.argv[1]).read()
sec = doc[doc.index('## 4. Record layouts'):doc.index('### 4.1')]
structs = {}
order = []
for m in re.finditer(r'#### (\w+) — (\d+) bytes[^\n]*\n\n\|[^\n]*\n\|[^\n]*\n((?:\|[^\n]*\n)+)', sec):
    name, size, rows = m.group(1), int(m.group(2)), m.group(3)
    fields = []
    for r in rows.strip().split('\n'):
        c = [x.strip() for x in r.strip('|').split('|')]
        off, sz, fname, ftype, notes = int(c[0]), int(c[1]), c[2].strip('`'), c[3], c[4]
        fields.append((off, sz, fname, ftype, notes))
    structs[name] = (size, fields)
    order.append(name)
PKG = 'dev.flof.feeds.databento.dbn'
OUT = os.path.join(sys.argv[2], '')
os.makedirs(OUT, exist_ok=True)
def camel(s):
    p = s.split('_'); return p[0] + ''.join(x[:1].upper() + x[1:] for x in p[1:])
RTYPES = {
 'TradeMsg': [0x00], 'Mbp1Msg': [0x01], 'Mbp10Msg': [0x0A], 'OhlcvMsg': [0x11,0x20,0x21,0x22,0x23,0x24],
 'StatusMsg': [0x12], 'InstrumentDefMsgV1': [0x13], 'InstrumentDefMsgV2': [0x13], 'InstrumentDefMsgV3': [0x13],
 'ImbalanceMsg': [0x14], 'ErrorMsgV1': [0x15], 'ErrorMsgV2': [0x15], 'SymbolMappingMsgV1': [0x16], 'SymbolMappingMsgV2': [0x16],
 'SystemMsgV1': [0x17], 'SystemMsgV2': [0x17], 'StatMsgV1': [0x18], 'StatMsgV3': [0x18], 'MboMsg': [0xA0],
 'Cmbp1Msg': [0xB1, 0xC2], 'CbboMsg': [0xC0, 0xC1], 'BboMsg': [0xC3, 0xC4]}
CPP = {'StatMsgV1':'v1::StatMsg (also used by DBN v2)', 'StatMsgV3':'StatMsg (DBN v3)', 'SymbolMappingMsgV1':'v1::SymbolMappingMsg',
 'SymbolMappingMsgV2':'SymbolMappingMsg (DBN v2 and v3)', 'ErrorMsgV1':'v1::ErrorMsg','ErrorMsgV2':'ErrorMsg (DBN v2 and v3)',
 'SystemMsgV1':'v1::SystemMsg','SystemMsgV2':'SystemMsg (DBN v2 and v3)','InstrumentDefMsgV1':'v1::InstrumentDefMsg',
 'InstrumentDefMsgV2':'v2::InstrumentDefMsg','InstrumentDefMsgV3':'InstrumentDefMsg (DBN v3)'}
def jtype(t):
    if t in ('i64','u64','u32'): return 'long'
    if t in ('i32','u16','i16','u8','i8'): return 'int'
    if t.startswith('c_char'): return 'char'
    if t.startswith('char['): return 'String'
    m = re.match(r'(\w+)\[(\d+)\]', t)
    if m and m.group(1) in ('BidAskPair','ConsolidatedBidAskPair'): return 'java.util.List<%s>' % m.group(1)
    raise Exception(t)
def is_res(f): return f[2].startswith('_')
def decode_expr(f, base):
    off, sz, name, t, notes = f
    o = '%s + %d' % (base, off)
    if t in ('i64','u64'): return 'b.getLong(%s)' % o
    if t == 'u32': return 'Integer.toUnsignedLong(b.getInt(%s))' % o
    if t == 'i32': return 'b.getInt(%s)' % o
    if t == 'u16': return 'Short.toUnsignedInt(b.getShort(%s))' % o
    if t == 'i16': return 'b.getShort(%s)' % o
    if t == 'u8': return 'Byte.toUnsignedInt(b.get(%s))' % o
    if t == 'i8': return 'b.get(%s)' % o
    if t.startswith('c_char'): return '(char) Byte.toUnsignedInt(b.get(%s))' % o
    m = re.match(r'char\[(\d+)\]', t)
    if m: return 'DbnBytes.cstr(b, %s, %s)' % (o, m.group(1))
    m = re.match(r'(\w+)\[(\d+)\]', t)
    return 'decode%sList(b, %s, %s)' % (m.group(1), o, m.group(2))
def encode_stmt(f, base, acc):
    off, sz, name, t, notes = f
    o = '%s + %d' % (base, off); q = '"%s"' % name
    if t in ('i64','u64'): return 'b.putLong(%s, %s);' % (o, acc)
    if t == 'u32': return 'b.putInt(%s, DbnBytes.u32(%s, %s));' % (o, acc, q)
    if t == 'i32': return 'b.putInt(%s, %s);' % (o, acc)
    if t == 'u16': return 'b.putShort(%s, DbnBytes.u16(%s, %s));' % (o, acc, q)
    if t == 'i16': return 'b.putShort(%s, DbnBytes.i16(%s, %s));' % (o, acc, q)
    if t == 'u8': return 'b.put(%s, DbnBytes.u8(%s, %s));' % (o, acc, q)
    if t == 'i8': return 'b.put(%s, DbnBytes.i8(%s, %s));' % (o, acc, q)
    if t.startswith('c_char'): return 'b.put(%s, DbnBytes.cchar(%s, %s));' % (o, acc, q)
    m = re.match(r'char\[(\d+)\]', t)
    if m: return 'DbnBytes.putCstr(b, %s, %s, %s, %s);' % (o, m.group(1), acc, q)
    m = re.match(r'(\w+)\[(\d+)\]', t)
    return 'encode%sList(b, %s, %s, %s);' % (m.group(1), o, m.group(2), acc)
def json_stmts(f, acc, first=False):
    off, sz, name, t, notes = f
    sep = '' if first else ','
    out = []
    if t == 'u64': out.append('sb.append("%s\\"%s\\":").append(Long.toUnsignedString(%s));' % (sep, name, acc))
    elif t.startswith('c_char'): out.append('sb.append("%s\\"%s\\":"); DbnJson.str(sb, String.valueOf(%s));' % (sep, name, acc))
    elif t.startswith('char['): out.append('sb.append("%s\\"%s\\":"); DbnJson.str(sb, %s);' % (sep, name, acc))
    elif re.match(r'(BidAskPair|ConsolidatedBidAskPair)\[', t):
        out.append('sb.append("%s\\"%s\\":["); for (int i = 0; i < %s.size(); i++) { if (i > 0) sb.append(\',\'); sb.append(\'{\'); json(%s.get(i), sb); sb.append(\'}\'); } sb.append(\']\');' % (sep, name, acc, acc))
    else: out.append('sb.append("%s\\"%s\\":").append(%s);' % (sep, name, acc))
    if 'fixed-point' in notes:
        out.append('DbnJson.priceDec(sb, "%s", %s);' % (name, acc))
    return out
def fdoc(f):
    off, sz, name, t, notes = f
    s = '%s at byte %d (%s)' % (name, off, t.split(' ')[0])
    if t == 'u32': s += ', unsigned 32-bit held in a long'
    if t == 'u64': s += ', unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1'
    if t in ('u16', 'u8'): s += ', unsigned'
    if 'fixed-point' in notes: s += ', fixed-point 1e-9; Dbn.UNDEF_PRICE means null'
    if t.startswith('char['): s += ', text up to the first NUL'
    if t.startswith('c_char'): s += ', one ASCII byte'
    return s

subs = ['BidAskPair', 'ConsolidatedBidAskPair']
FAMILIES = {
 'InstrumentDefMsg': (['InstrumentDefMsgV1', 'InstrumentDefMsgV2', 'InstrumentDefMsgV3'],
   'An instrument definition of any DBN version: the fields the three layouts share, with the same meaning and Java\n * type, so that code can read definitions without caring which version the stream had.'),
 'SymbolMappingMsg': (['SymbolMappingMsgV1', 'SymbolMappingMsgV2'],
   'A symbol mapping (live gateway) of any DBN version: the fields both layouts share.'),
 'ErrorMsg': (['ErrorMsgV1', 'ErrorMsgV2'], 'A gateway error message of any DBN version.'),
 'SystemMsg': (['SystemMsgV1', 'SystemMsgV2'], 'A gateway system message (heartbeats, acks) of any DBN version.'),
}
member_of = {m: fam for fam, (ms, _) in FAMILIES.items() for m in ms}
for fam, (members, doc) in FAMILIES.items():
    sets = []
    for m in members:
        sets.append([(f[2], jtype(f[3]), f) for f in structs[m][1] if not is_res(f) and f[2] != 'hd'])
    first = sets[0]
    common = [x for x in first if all(any(y[0] == x[0] and y[1] == x[1] for y in st) for st in sets[1:])]
    body = '  /** The record header. */\n  RecordHeader hd();\n'
    for name, jt, f in common:
        body += '\n  /** %s. */\n  %s %s();\n' % (re.sub(r'\(char\[\d+\]\)', '(C string)', fdoc(f).replace(' at byte %d' % f[0], '')), jt, camel(name))
    src = 'package %s;\n\n/**\n * %s\n *\n * <p>Implemented by %s.\n */\npublic interface %s {\n%s}\n' % (
        PKG, doc, ', '.join('{@link %s}' % m for m in members), fam, body)
    open(OUT + fam + '.java', 'w').write(src)

recs = [n for n in order if n not in subs]
codec = []
for name in order:
    size, fields = structs[name]
    vis = [f for f in fields if not is_res(f)]
    issub = name in subs
    comps = []
    docs = []
    for f in vis:
        if f[2] == 'hd': comps.append('RecordHeader hd'); docs.append(' * @param hd the 16-byte record header')
        else:
            comps.append('%s %s' % (jtype(f[3]), camel(f[2]))); docs.append(' * @param %s %s' % (camel(f[2]), fdoc(f)))
    impl = '' if issub else (' implements DbnRecord' + (', ' + member_of[name] if name in member_of else ''))
    cppn = CPP.get(name, name)
    rt = ', '.join('0x%02X' % r for r in RTYPES.get(name, []))
    head = '/**\n * DBN %s: %d bytes%s, layout of databento-cpp {@code databento::%s}\n * (offsets in docs/databento.md section 4).\n *\n' % (
        name, size, '' if issub else (' (header length %d words), rtype %s' % (size // 4, rt)), cppn)
    head += ' * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept\n * (they are written as zeros).\n *\n'
    head += '\n'.join(docs) + '\n */\n'
    body = ''
    if not issub:
        body = ('\n  /** Size in bytes of this layout without ts_out. */\n  public static final int SIZE = %d;\n\n' % size +
                '  @Override\n  public String structName() {\n    return "%s";\n  }\n\n  @Override\n  public int encodedSize() {\n    return SIZE;\n  }\n' % name)
    else:
        body = '\n  /** Size in bytes. */\n  public static final int SIZE = %d;\n' % size
    src = 'package %s;\n\n%spublic record %s(\n    %s)%s {\n%s}\n' % (PKG, head, name, ',\n    '.join(comps), impl, body)
    open(OUT + name + '.java', 'w').write(src)

# codec class
L = []
L.append('package %s;\n\nimport java.nio.ByteBuffer;\nimport java.util.ArrayList;\nimport java.util.List;\n' % PKG)
L.append('/**\n * Byte layout of every DBN record struct: decode from, encode to and print as JSON. Generated from the\n * offset tables of docs/databento.md section 4 (checked there against databento-cpp 0.65.0), so that the three\n * directions cannot disagree. All reads and writes are absolute and little-endian: records in v1/v2 streams are\n * not 8-byte aligned.\n */\nfinal class DbnStructs {\n  private DbnStructs() {}\n')
for name in order:
    size, fields = structs[name]
    vis = [f for f in fields if not is_res(f)]
    args = []
    for f in vis:
        if f[2] == 'hd': args.append('hd')
        else: args.append(decode_expr(f, 'o'))
    sig = 'static %s decode%s(ByteBuffer b, int o%s)' % (name, name, '' if name in subs else ', RecordHeader hd')
    L.append('  %s {\n    return new %s(\n        %s);\n  }\n' % (sig, name, ',\n        '.join(args)))
    st = []
    for f in vis:
        if f[2] == 'hd': continue
        st.append(encode_stmt(f, 'o', 'r.%s()' % camel(f[2])))
    L.append('  static void encode(%s r, ByteBuffer b, int o) {\n    %s\n  }\n' % (name, '\n    '.join(st)))
    js = []
    first = True
    for f in vis:
        if f[2] == 'hd': continue
        js += json_stmts(f, 'r.%s()' % camel(f[2]), first=(first and name in subs))
        first = False
    L.append('  static void json(%s r, StringBuilder sb) {\n    %s\n  }\n' % (name, '\n    '.join(js)))
for s in subs:
    L.append('''  static List<%(s)s> decode%(s)sList(ByteBuffer b, int o, int n) {
    List<%(s)s> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(decode%(s)s(b, o + %(s)s.SIZE * i));
    }
    return List.copyOf(out);
  }

  static void encode%(s)sList(ByteBuffer b, int o, int n, List<%(s)s> levels) {
    if (levels.size() != n) {
      throw new IllegalArgumentException("levels: expected " + n + " entries, got " + levels.size());
    }
    for (int i = 0; i < n; i++) {
      encode(levels.get(i), b, o + %(s)s.SIZE * i);
    }
  }
''' % {'s': s})
# dispatch
L.append('  /** Encodes the struct fields (not the header) of {@code r} at {@code o}; reserved bytes must already be zero. */\n  static void encodeBody(DbnRecord r, ByteBuffer b, int o) {\n    switch (r) {')
for n in recs: L.append('      case %s x -> encode(x, b, o);' % n)
L.append('      case UnknownRecord x -> b.put(o + RecordHeader.SIZE, x.raw(), RecordHeader.SIZE, x.raw().length - RecordHeader.SIZE);\n      case WithTsOut x -> throw new IllegalArgumentException("WithTsOut is encoded by its writer");\n    }\n  }\n')
L.append('  /** Appends {@code ,"field":value...} for the struct fields of {@code r} (header excluded). */\n  static void jsonBody(DbnRecord r, StringBuilder sb) {\n    switch (r) {')
for n in recs: L.append('      case %s x -> json(x, sb);' % n)
L.append('      case UnknownRecord x -> {\n        sb.append(",\\"raw_hex\\":\\"");\n        DbnJson.hex(sb, x.raw());\n        sb.append(\'"\');\n      }\n      case WithTsOut x -> {\n        jsonBody(x.record(), sb);\n        sb.append(",\\"ts_out\\":").append(Long.toUnsignedString(x.tsOut()));\n      }\n    }\n  }\n')
L.append('  /**\n   * Decodes the struct at {@code o} whose header is {@code hd} and whose size without ts_out is {@code size};\n   * returns null when no known layout has this rtype and size.\n   */\n  static DbnRecord decode(ByteBuffer b, int o, RecordHeader hd, int size) {\n    switch (hd.rtype()) {')
bycase = {}
for n in recs:
    for r in RTYPES[n]: bycase.setdefault(r, []).append(n)
for r in sorted(bycase):
    L.append('      case 0x%02X -> {' % r)
    for n in bycase[r]:
        L.append('        if (size == %s.SIZE) {\n          return decode%s(b, o, hd);\n        }' % (n, n))
    L.append('        return null;\n      }')
L.append('      default -> {\n        return null;\n      }\n    }\n  }\n')
L.append('  /** Whether a known layout has this rtype and size (without ts_out). */\n  static boolean knownSize(int rtype, int size) {\n    return switch (rtype) {')
for r in sorted(bycase):
    L.append('      case 0x%02X -> %s;' % (r, ' || '.join('size == %s.SIZE' % n for n in bycase[r])))
L.append('      default -> false;\n    };\n  }\n')
L.append('  /** Whether {@code rtype} is a valid record type for the struct {@code r}. */\n  static boolean rtypeMatches(DbnRecord r, int rtype) {\n    return switch (r) {')
for n in recs: L.append('      case %s x -> %s;' % (n, ' || '.join('rtype == 0x%02X' % v for v in RTYPES[n])))
L.append('      case UnknownRecord x -> true;\n      case WithTsOut x -> rtypeMatches(x.record(), rtype);\n    };\n  }\n}\n')
open(OUT + 'DbnStructs.java', 'w').write('\n'.join(L))

