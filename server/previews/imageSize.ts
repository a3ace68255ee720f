/** Width and height read from a PNG or JPEG header, before anything decodes it; undefined when unreadable. */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  // PNG: signature, then the IHDR chunk (width and height, big-endian, at bytes 16 and 20).
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('latin1', 12, 16) === 'IHDR') {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  // JPEG: walk the markers to the first start-of-frame (SOF0…SOF15 but DHT, JPG and DAC).
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return undefined;
      const marker = data[offset + 1] as number;
      if (marker === 0xff) {
        offset += 1;
        continue;
      }
      const length = data.readUInt16BE(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}
