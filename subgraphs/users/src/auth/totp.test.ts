import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp.ts';

// RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the hash's block size.
const SEEDS = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC test vectors at %i s', (seconds, sha1, sha256, sha512) => {
    const step = totpStep(seconds * 1000);
    expect(hotp(SEEDS.sha1, step, 8, 'sha1')).toBe(sha1);
    expect(hotp(SEEDS.sha256, step, 8, 'sha256')).toBe(sha256);
    expect(hotp(SEEDS.sha512, step, 8, 'sha512')).toBe(sha512);
  });

  it('matches RFC 4226 HOTP values with 6 digits', () => {
    // RFC 4226 Appendix D, counters 0 and 9.
    expect(hotp(SEEDS.sha1, 0)).toBe('755224');
    expect(hotp(SEEDS.sha1, 9)).toBe('520489');
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    expect(base32Encode(SEEDS.sha1)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(SEEDS.sha1);
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts the previous, current and next step only, and never a step already used', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      const code = totpCode(secret, now + offset * 30_000);
      expect(matchTotp(secret, code, now, null)).toBe(step + offset);
    }
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now, null)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, now + 60_000), now, null)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, now), now, step)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now, step)).toBe(step + 1);
    expect(matchTotp(secret, '12345', now, null)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', now, null)).toBeUndefined();
  });

  it('writes the otpauth URI authenticator apps read', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'ann@example.com');
    expect(uri).toBe(
      'otpauth://totp/Poolgraph:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Poolgraph&algorithm=SHA1&digits=6&period=30',
    );
  });
});
