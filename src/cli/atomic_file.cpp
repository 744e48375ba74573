#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace pairwise::cli {
namespace {

std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool fail(std::string* why, const std::string& what) {
  if (why) *why = what + ": " + std::strerror(errno);
  return false;
}

}  // namespace

bool write_file_atomically(const std::string& path, const std::string& text, std::string* why) {
  // Beside the target, so the rename stays on one file system.
  std::string temp = path + ".tmp-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) return fail(why, "cannot create a temporary file beside it");
  temp = name.data();
  // Keep the permissions of the file being replaced (mkstemp makes it private to the owner).
  struct stat existing {};
  if (stat(path.c_str(), &existing) == 0) (void)fchmod(fd, existing.st_mode & 07777);
  else (void)fchmod(fd, 0644);
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int saved = errno;
      close(fd);
      std::remove(temp.c_str());
      errno = saved;
      return fail(why, "cannot write the file");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    const int saved = errno;
    std::remove(temp.c_str());
    errno = saved;
    return fail(why, "cannot write the file to the disk");
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    std::remove(temp.c_str());
    errno = saved;
    return fail(why, "cannot replace the file");
  }
  // The rename itself is durable once the directory is.
  const int dir = open(directory_of(path).c_str(), O_RDONLY);
  if (dir >= 0) {
    (void)fsync(dir);
    close(dir);
  }
  return true;
}

}  // namespace pairwise::cli
