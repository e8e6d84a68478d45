#!/usr/bin/python3
"""A CCCD chip that shares no code with @kiosk/id-card: Debian's vsmartcard `vicc` (package
vsmartcard-vpicc / python3-virtualsmartcard) with its ICAO ePassport card (BAC and secure
messaging in virtualsmartcard.cards.ePass and SEutils), given a TD1 DG1, a CCCD DG13 and an
EF.SOD signed with the openssl CLI.

Usage: cccd_vicc.py CARD.json   (see README.md beside this file for the JSON)

Everything here is written from the standards, not from the driver:
- LDS files: ICAO 9303-10 §4.6 (EF.COM), §4.7.1 (DG1 = 61 { 5F1F MRZ }), §4.6.2 (EF.SOD =
  77 { CMS SignedData of an LDSSecurityObject }).
- DG13 record numbers: the published CCCD list (see DG13_PUBLISHED_NUMBERS below).
- BAC key seed for a TD1 card: ICAO 9303-11 §9.7.2 (document number + check digit, date of
  birth + check digit, date of expiry + check digit).

What is patched in vicc 0.8 as Debian ships it, and why:
- its modules sit one folder too deep (site-packages/virtualsmartcard/virtualsmartcard), so the
  folder is put on sys.path;
- it imports PyCrypto's `Crypto`, which bookworm no longer has; python3-pycryptodome's
  `Cryptodome` is aliased in (SHA is SHA1 there);
- PassportSAM derives the BAC seed from a TD3 (passport) MRZ; a CCCD is TD1 (§9.7.2);
- its XOR of the BAC key halves is Python 2 code (ord of str); it is done on bytes;
- its secure-messaging parser is Python 2 code too, its responses omit DO'99' (§9.8.6) and its
  MAC drops the SSC's leading zero bytes, so CccdSE below does §9.8 over vicc's primitives.
"""

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile

VICC_PATH = "/usr/lib/python3/site-packages/virtualsmartcard"
sys.path.insert(0, VICC_PATH)

import Cryptodome  # noqa: E402
import Cryptodome.Cipher  # noqa: E402
import Cryptodome.Hash  # noqa: E402
import Cryptodome.Hash.HMAC  # noqa: E402
import Cryptodome.Hash.SHA1  # noqa: E402

Cryptodome.Hash.SHA = Cryptodome.Hash.SHA1
sys.modules.setdefault("Crypto", Cryptodome)
sys.modules.setdefault("Crypto.Cipher", Cryptodome.Cipher)
sys.modules.setdefault("Crypto.Hash", Cryptodome.Hash)
sys.modules.setdefault("Crypto.Hash.SHA", Cryptodome.Hash.SHA1)

from virtualsmartcard import CryptoUtils as vsCrypto  # noqa: E402
from virtualsmartcard.cards.ePass import PassportSAM, ePass_SE  # noqa: E402
from virtualsmartcard.SmartcardSAM import SAM  # noqa: E402
from virtualsmartcard.SmartcardFilesystem import DF, MF, TransparentStructureEF  # noqa: E402
from virtualsmartcard.SWutils import SW, SwError  # noqa: E402
from virtualsmartcard.utils import C_APDU  # noqa: E402
from virtualsmartcard.VirtualSmartcard import Iso7816OS, VirtualICC  # noqa: E402

# vicc 0.8's byte-wise XOR still works on Python 2 strings (ord of a str); the same on bytes.
vsCrypto.operation_on_string = lambda a, b, op: bytes(op(x, y) for x, y in zip(a, b))

# DG13 record numbers of the CCCD as published by public CCCD chip readers:
# nguyenddat/ript-virtual-recep, server/app/services/ExtractCCCD.py (tags 020101..02010D:
# 1 ID number, 2 name, 3 date of birth, 4 gender, 5 nationality, 6 ethnicity, 7 religion,
# 8 home town, 9 permanent address, 10 identifying features, 11 card issuance date,
# 12 expiration date, 13 parents' names), and the VN-CCCD-2024 document profile
# ("13=familyNames (contains fatherName[0] + motherName[1])"). Each record is
# SEQUENCE { INTEGER n, UTF8String value } inside the 6D application tag.
DG13_PUBLISHED_NUMBERS = {
    "personalId": 1,
    "fullName": 2,
    "dateOfBirth": 3,
    "sex": 4,
    "nationality": 5,
    "ethnicity": 6,
    "religion": 7,
    "placeOfOrigin": 8,
    "placeOfResidence": 9,
    "personalIdentification": 10,
    "dateOfIssue": 11,
    "dateOfExpiry": 12,
}
DG13_PARENTS = 13

LDS_AID = b"\xa0\x00\x00\x02\x47\x10\x01"  # ICAO 9303-10 §3.10.1
OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"  # id-icao-mrtd-security-ldsSecurityObject
SHA256_DER = bytes.fromhex("300d" + "0609608648016503040201" + "0500")  # AlgorithmIdentifier sha256


def der(tag: int, value: bytes) -> bytes:
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return (tag.to_bytes(2, "big") if tag > 0xFF else bytes([tag])) + length + value


def dg1(mrz_lines):
    mrz = "".join(mrz_lines).encode("ascii")
    assert len(mrz) == 90, "a TD1 MRZ has 3 x 30 characters"
    return der(0x61, der(0x5F1F, mrz))


def dg13(fields):
    records = []
    for name, number in DG13_PUBLISHED_NUMBERS.items():
        if name in fields:
            records.append(
                der(0x30, der(0x02, bytes([number])) + der(0x0C, fields[name].encode("utf-8")))
            )
    parents = der(0x0C, fields.get("fatherName", "").encode()) + der(
        0x0C, fields.get("motherName", "").encode()
    )
    records.append(der(0x30, der(0x02, bytes([DG13_PARENTS])) + der(0x30, parents)))
    return der(0x6D, b"".join(records))


def ef_com(dg_tags):
    return der(
        0x60, der(0x5F01, b"0107") + der(0x5F36, b"040000") + der(0x5C, bytes(dg_tags))
    )


def lds_security_object(groups):
    """ICAO 9303-10 §4.6.2.2: LDSSecurityObject v0 with SHA-256 hashes."""
    hashes = b"".join(
        der(0x30, der(0x02, bytes([n])) + der(0x04, hashlib.sha256(data).digest()))
        for n, data in sorted(groups.items())
    )
    return der(0x30, der(0x02, b"\x00") + SHA256_DER + der(0x30, hashes))


def ef_sod(groups, signer_cert, signer_key, workdir):
    content = os.path.join(workdir, "lds.der")
    signed = os.path.join(workdir, "sod.der")
    with open(content, "wb") as f:
        f.write(lds_security_object(groups))
    subprocess.run(
        [
            "openssl", "cms", "-sign", "-binary", "-nodetach", "-nosmimecap",
            "-econtent_type", OID_LDS_SECURITY_OBJECT, "-md", "sha256",
            "-in", content, "-signer", signer_cert, "-inkey", signer_key,
            "-outform", "DER", "-out", signed,
        ],
        check=True,
    )
    with open(signed, "rb") as f:
        return der(0x77, f.read())


def mrz_information_td1(mrz_lines):
    """ICAO 9303-11 §9.7.2 for TD1: line 1 [5:15], line 2 [0:7] and [8:15]."""
    line1, line2 = mrz_lines[0], mrz_lines[1]
    return (line1[5:15] + line2[0:7] + line2[8:15]).encode("ascii")


def read_tlvs(data):
    """BER-TLV objects of an SM data field (ISO 7816-4 §5.2): one-byte tags, short or long lengths."""
    out, i = [], 0
    while i < len(data):
        tag, n = data[i], data[i + 1]
        i += 2
        if n & 0x80:
            width = n & 0x7F
            n = int.from_bytes(data[i : i + width], "big")
            i += width
        out.append((tag, data[i : i + n]))
        i += n
    return out


class CccdSE(ePass_SE):
    """The card side of ICAO 9303-11 §9.8 secure messaging with 3DES (§9.8.6.1, §9.8.7.1).

    vicc 0.8's own SM parser (SEutils.parse_SM_CAPDU) is Python 2 code that fails on every
    protected command under Python 3, and its responses omit DO'99', so both directions are
    written here from §9.8 over vicc's primitives: `crypto_checksum("CC", ...)` (ISO 9797-1
    MAC algorithm 3), `encrypt`/`decrypt("DES3-CBC", ...)`, `append_padding`/`strip_padding`
    (ISO 7816-4 padding). The send sequence counter is vicc's Python integer (`self.ssc`, set by
    PassportSAM.external_authenticate from RND.IC and RND.IFD, §9.8.2), so `+= 1` carries.
    """

    def mac(self, data):
        self.ssc += 1
        message = self.ssc.to_bytes(8, "big") + data
        return vsCrypto.crypto_checksum("CC", self.cct.key, vsCrypto.append_padding(8, message))

    def parse_SM_CAPDU(self, capdu, authenticate_header):
        objects = read_tlvs(bytes(capdu.data))
        header = vsCrypto.append_padding(8, bytes([capdu.cla, capdu.ins, capdu.p1, capdu.p2]))
        covered, mac, data, le = b"", None, b"", None
        for tag, value in objects:
            if tag == 0x8E:
                mac = value
            else:
                covered += der(tag, value)
            if tag in (0x87, 0x85):
                plain = vsCrypto.decrypt("DES3-CBC", self.ct.key, value[1:] if tag == 0x87 else value)
                data = vsCrypto.strip_padding(8, plain) if tag == 0x87 else plain
            elif tag == 0x97:
                le = int.from_bytes(value, "big") or (256 if len(value) == 1 else 65536)
        if mac is None or self.mac(header + covered) != mac:
            raise SwError(SW["ERR_SECMESSOBJECTSINCORRECT"])
        return C_APDU(cla=capdu.cla & ~0x0C, ins=capdu.ins, p1=capdu.p1, p2=capdu.p2, le=le, data=data)

    def protect_response(self, sw, result):
        body = b""
        if result:
            encrypted = b"\x01" + vsCrypto.encrypt(
                "DES3-CBC", self.ct.key, vsCrypto.append_padding(8, bytes(result))
            )
            body += der(0x87, encrypted)
        body += der(0x99, sw.to_bytes(2, "big"))
        mac = self.mac(body)
        body += der(0x8E, mac)
        return sw, body


class CccdSAM(PassportSAM):
    """vicc's BAC (PassportSAM.external_authenticate) with the TD1 key seed of §9.7.2."""

    def __init__(self, mf, mrz_lines):
        # PassportSAM.__init__ reads a TD3 MRZ from DG1; only its SAM base is wanted here.
        SAM.__init__(self, None, None, mf, default_se=CccdSE)
        seed = hashlib.sha1(mrz_information_td1(mrz_lines)).digest()[:16]
        self.KSeed = seed
        self.KEnc = self.derive_key(seed, 1)
        self.KMac = self.derive_key(seed, 2)


def build_card(spec, workdir):
    groups = {1: dg1(spec["mrz"]), 13: dg13(spec["dg13"])}
    sod = ef_sod(groups, spec["signerCert"], spec["signerKey"], workdir)
    mf = MF()
    app = DF(parent=mf, fid=0x0004, dfname=LDS_AID, bertlv_data=[])
    files = [
        (0x011E, 0x1E, ef_com([0x61, 0x6D])),
        (0x0101, 0x01, groups[1]),
        (0x010D, 0x0D, groups[13]),
        (0x011D, 0x1D, sod),
    ]
    for fid, sfi, data in files:
        app.append(
            TransparentStructureEF(parent=app, fid=fid, shortfid=sfi, filedescriptor=0, data=data)
        )
    mf.append(app)
    return mf, CccdSAM(mf, spec["mrz"])


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    logging.basicConfig(level=os.environ.get('VICC_LOG_LEVEL', 'WARNING'))
    with tempfile.TemporaryDirectory() as workdir:
        mf, sam = build_card(spec, workdir)
    vicc = VirtualICC.__new__(VirtualICC)
    vicc.os = Iso7816OS(mf, sam)
    vicc.type = "ePass"
    vicc.host = "127.0.0.1"
    vicc.port = spec["vpcdPort"]
    vicc.server_sock = None
    vicc.sock = VirtualICC.connectToPort(vicc.host, vicc.port)
    vicc.sock.settimeout(None)
    print("vicc connected", flush=True)
    vicc.run()


if __name__ == "__main__":
    main()
