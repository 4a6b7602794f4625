// QuickXorHash, the only digest OneDrive for Business states for a file (hashes.quickXorHash,
// base64). Microsoft describes it at
// https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash: every byte is
// XORed into a 160-bit register at a bit offset that advances by 11 per byte (wrapping around),
// and the file's length, a 64-bit little-endian number, is XORed into the register's last 8
// bytes. It is not cryptographic, but it tells a damaged download from the file the service holds.

const WIDTH_BYTES = 20;
const WIDTH_BITS = WIDTH_BYTES * 8;
const SHIFT = 11;

export class QuickXorHash {
  private readonly register = new Uint8Array(WIDTH_BYTES);
  /** Bit offset of the next byte in the register. */
  private offset = 0;
  private length = 0;

  update(bytes: Uint8Array): this {
    const register = this.register;
    let offset = this.offset;
    for (const byte of bytes) {
      const at = offset >> 3;
      const bit = offset & 7;
      register[at]! ^= (byte << bit) & 0xff;
      // A byte that straddles two register bytes spills its high bits into the next one.
      if (bit > 0) register[(at + 1) % WIDTH_BYTES]! ^= byte >> (8 - bit);
      offset = (offset + SHIFT) % WIDTH_BITS;
    }
    this.offset = offset;
    this.length += bytes.length;
    return this;
  }

  digest(): Uint8Array {
    const out = Uint8Array.from(this.register);
    let length = this.length;
    for (let i = 0; i < 8; i++) {
      out[WIDTH_BYTES - 8 + i]! ^= length % 256;
      length = Math.floor(length / 256);
    }
    return out;
  }

  /** The form Graph states it in. */
  digestBase64(): string {
    return btoa(String.fromCharCode(...this.digest()));
  }
}
