#include "core/xlsx/zip_archive.hpp"
#include "core/records/record_meta.hpp"

#include <zlib.h>

namespace pairwise {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50, kCentralHeader = 0x02014b50, kEndOfDirectory = 0x06054b50;
constexpr std::size_t kEndOfDirectorySize = 22, kCentralHeaderSize = 46, kLocalHeaderSize = 30;

std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}
void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>(v >> 8 & 0xff);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xffff);
  put16(out, v >> 16);
}

std::string normalised(std::string_view name) {
  if (!name.empty() && name.front() == '/') name.remove_prefix(1);
  return ascii_lower(name);
}

std::string megabytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

Result<ZipReader> ZipReader::open(std::string_view bytes, const std::string& file, ZipLimits limits) {
  auto damaged = [&](const std::string& why) {
    return Result<ZipReader>::failure(file, "", "is not a readable XLSX workbook (" + why + ")");
  };
  if (bytes.size() < kEndOfDirectorySize) return damaged("too short for a ZIP archive");
  // The end-of-directory record sits in the last 22 bytes plus a comment of up to 65,535.
  std::size_t end = std::string_view::npos;
  const std::size_t lowest = bytes.size() > kEndOfDirectorySize + 0xffff ? bytes.size() - kEndOfDirectorySize - 0xffff : 0;
  for (std::size_t at = bytes.size() - kEndOfDirectorySize + 1; at-- > lowest;) {
    if (u32(bytes, at) == kEndOfDirectory) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return damaged("its ZIP directory is missing: the file is cut short or not a ZIP");
  const std::uint16_t count = u16(bytes, end + 10);
  const std::uint32_t dir_size = u32(bytes, end + 12), dir_offset = u32(bytes, end + 16);
  if (count == 0xffff || dir_offset == 0xffffffff)
    return damaged("it is a ZIP64 archive, which a workbook of a survey never needs");
  if (count > limits.max_entries)
    return Result<ZipReader>::failure(file, "", "holds " + std::to_string(count) + " parts, more than the " +
                                                    std::to_string(limits.max_entries) + " a workbook may have here");
  if (std::size_t{dir_offset} + dir_size > end) return damaged("its ZIP directory points outside the file");
  ZipReader reader;
  reader.bytes_ = bytes;
  reader.file_ = file;
  reader.limits_ = limits;
  std::size_t at = dir_offset;
  for (std::uint16_t i = 0; i < count; ++i) {
    if (at + kCentralHeaderSize > end || u32(bytes, at) != kCentralHeader)
      return damaged("entry " + std::to_string(i + 1) + " of its ZIP directory is damaged");
    Entry e;
    e.flags = u16(bytes, at + 8);
    e.method = u16(bytes, at + 10);
    e.crc = u32(bytes, at + 16);
    e.compressed = u32(bytes, at + 20);
    e.uncompressed = u32(bytes, at + 24);
    const std::size_t name_length = u16(bytes, at + 28), extra = u16(bytes, at + 30), comment = u16(bytes, at + 32);
    e.local_offset = u32(bytes, at + 42);
    if (at + kCentralHeaderSize + name_length + extra + comment > end)
      return damaged("entry " + std::to_string(i + 1) + " of its ZIP directory is damaged");
    e.name = std::string(bytes.substr(at + kCentralHeaderSize, name_length));
    at += kCentralHeaderSize + name_length + extra + comment;
    reader.entries_.push_back(std::move(e));
  }
  return reader;
}

const ZipReader::Entry* ZipReader::find(std::string_view part) const {
  const std::string wanted = normalised(part);
  for (const Entry& e : entries_)
    if (normalised(e.name) == wanted) return &e;
  return nullptr;
}

bool ZipReader::has(std::string_view part) const { return find(part) != nullptr; }

Result<std::string> ZipReader::read(std::string_view part) {
  const std::string where = "part " + std::string(part);
  auto fail = [&](const std::string& why) { return Result<std::string>::failure(file_, where, why); };
  const Entry* e = find(part);
  if (!e) return fail("is missing from the workbook");
  if (e->flags & 1) return fail("is encrypted; save the workbook again without a password");
  if (e->method != 0 && e->method != 8)
    return fail("is compressed with method " + std::to_string(e->method) + "; only stored and deflated parts are read");
  if (e->uncompressed > limits_.max_part_bytes)
    return fail("would unpack to " + megabytes(e->uncompressed) + ", more than the " +
                megabytes(limits_.max_part_bytes) + " allowed for one part (a damaged file or a zip bomb)");
  if (read_so_far_ + e->uncompressed > limits_.max_total_bytes)
    return fail("would bring the workbook to more than " + megabytes(limits_.max_total_bytes) +
                " unpacked (a damaged file or a zip bomb)");
  const std::size_t local = e->local_offset;
  if (local + kLocalHeaderSize > bytes_.size() || u32(bytes_, local) != kLocalHeader)
    return fail("is damaged: its ZIP header is missing");
  const std::size_t data = local + kLocalHeaderSize + u16(bytes_, local + 26) + u16(bytes_, local + 28);
  if (data > bytes_.size() || bytes_.size() - data < e->compressed) return fail("is cut short");
  const std::string_view packed = bytes_.substr(data, e->compressed);
  std::string out;
  if (e->method == 0) {
    if (e->compressed != e->uncompressed) return fail("is damaged: its stored size does not match");
    out.assign(packed);
  } else {
    out.resize(e->uncompressed);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return fail("could not be unpacked (zlib would not start)");
    // zlib's interface is not const-correct; it only reads next_in.
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&z, Z_FINISH);
    bool longer_than_declared = false;
    if (rc != Z_STREAM_END && z.avail_out == 0) {
      // Full before the stream ended: one byte more tells a stream that only has its end marker
      // left from one holding more data than the directory declared.
      unsigned char probe = 0;
      z.next_out = &probe;
      z.avail_out = 1;
      rc = inflate(&z, Z_FINISH);
      longer_than_declared = z.avail_out == 0;
    }
    const std::string zlib_says = z.msg ? std::string(" (") + z.msg + ")" : "";
    inflateEnd(&z);
    if (longer_than_declared)
      return fail("is damaged: it unpacks to more than the " + std::to_string(e->uncompressed) +
                  " bytes its ZIP header says (a damaged file or a zip bomb)");
    if (rc != Z_STREAM_END)
      return fail("is damaged: its compressed data is broken" + zlib_says);
    if (z.total_out != e->uncompressed) return fail("is damaged: it unpacks to fewer bytes than its ZIP header says");
  }
  const auto crc = static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())));
  if (crc != e->crc) return fail("is damaged: its checksum does not match");
  read_so_far_ += out.size();
  return out;
}

void ZipWriter::add(const std::string& name, std::string_view content) {
  Entry e;
  e.name = name;
  e.uncompressed = static_cast<std::uint32_t>(content.size());
  e.crc = static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size())));
  std::string packed(compressBound(static_cast<uLong>(content.size())) + 64, '\0');
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
  z.avail_in = static_cast<uInt>(content.size());
  z.next_out = reinterpret_cast<Bytef*>(packed.data());
  z.avail_out = static_cast<uInt>(packed.size());
  deflate(&z, Z_FINISH);  // the buffer holds compressBound's worst case, so one call finishes
  packed.resize(z.total_out);
  deflateEnd(&z);
  e.compressed = static_cast<std::uint32_t>(packed.size());
  e.local_offset = static_cast<std::uint32_t>(out_.size());
  put32(out_, kLocalHeader);
  put16(out_, 20);  // version needed: 2.0 (deflate)
  put16(out_, 0);   // flags
  put16(out_, 8);   // deflated
  put16(out_, 0);   // time 00:00
  put16(out_, 0x21);  // date 1980-01-01: the same workbook gives the same bytes
  put32(out_, e.crc);
  put32(out_, e.compressed);
  put32(out_, e.uncompressed);
  put16(out_, static_cast<std::uint32_t>(name.size()));
  put16(out_, 0);
  out_ += name;
  out_ += packed;
  entries_.push_back(std::move(e));
}

std::string ZipWriter::finish() {
  const auto dir_offset = static_cast<std::uint32_t>(out_.size());
  for (const Entry& e : entries_) {
    put32(out_, kCentralHeader);
    put16(out_, 20);  // made by: 2.0, MS-DOS attributes
    put16(out_, 20);
    put16(out_, 0);
    put16(out_, 8);
    put16(out_, 0);
    put16(out_, 0x21);
    put32(out_, e.crc);
    put32(out_, e.compressed);
    put32(out_, e.uncompressed);
    put16(out_, static_cast<std::uint32_t>(e.name.size()));
    put16(out_, 0);  // extra
    put16(out_, 0);  // comment
    put16(out_, 0);  // disk
    put16(out_, 0);  // internal attributes
    put32(out_, 0);  // external attributes
    put32(out_, e.local_offset);
    out_ += e.name;
  }
  const auto dir_size = static_cast<std::uint32_t>(out_.size() - dir_offset);
  put32(out_, kEndOfDirectory);
  put16(out_, 0);
  put16(out_, 0);
  put16(out_, static_cast<std::uint32_t>(entries_.size()));
  put16(out_, static_cast<std::uint32_t>(entries_.size()));
  put32(out_, dir_size);
  put32(out_, dir_offset);
  put16(out_, 0);
  std::string done = std::move(out_);
  out_.clear();
  entries_.clear();
  return done;
}

}  // namespace pairwise
