#pragma once

#include "core/asset.h"

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace AssetDesk {

// The content digest stored as assets.sync_hash: a sync skips an asset whose digest is unchanged.
//
// Every field the upsert stores is written into one buffer in a fixed, platform-independent
// layout (little-endian integers, strings as length + UTF-16LE code units, lists as count +
// items) and hashed with XXH64 under two seeds: 128 bits, written as "x2:" and 32 hex digits.
// The digest only detects change (a collision would at worst skip one rewrite), so a fast
// non-cryptographic hash does; it costs about 2.5 µs for bench_ingest's asset (three renditions,
// most of it the layout's copies and the rendition URLs' encoding), where the former
// QDataStream + SHA-256 digest cost about a quarter of an upsert.
//
// Schema of the digest, not of the database: a digest written by an older format (the 64-digit
// SHA-256 hex of format 1) never equals a format-2 digest, so the first sync after an upgrade
// rewrites each asset once and stores the new digest; nothing else is needed. Changing the
// layout or the hash means a new prefix, and tst_assetdigest pins the current values.
class AssetDigest
{
public:
    static QString of(const Asset& asset);
    // The buffer of(asset) hashes.
    static QByteArray layout(const Asset& asset);
    // XXH64 as specified by xxHash (https://github.com/Cyan4973/xxHash, doc/xxhash_spec.md).
    static quint64 xxh64(const char* data, std::size_t length, quint64 seed);
};

} // namespace AssetDesk
