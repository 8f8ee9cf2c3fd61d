# What `cmake --install` puts under its prefix, and the Debian package CPack makes of it
# (`cpack -G DEB` in the build folder): PREFIX/bin/opsreg and its data folder
# PREFIX/share/opsreg (core/util/data_dir.h) with fixtures/, scenarios/library/, docs/ and
# README.md, found at run time beside the binary, so the prefix can be moved.

set(OPSREG_DATA_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/opsreg)

install(TARGETS opsreg RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Modes set here, not taken from the checkout (git keeps none but the executable bit). The
# fixture private keys are test keys, world-readable so any user's opsreg can read them: opsreg
# hands OpenSSH 0600 copies it makes per run (mocks/ssh/host_fleet.h), never these files.
# The agent installer's entry point stays executable: the installer tarball keeps its mode.
install(DIRECTORY fixtures/ DESTINATION ${OPSREG_DATA_INSTALL_DIR}/fixtures
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        PATTERN boot-registration
        PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                    WORLD_READ WORLD_EXECUTE)
install(DIRECTORY scenarios/library/ DESTINATION ${OPSREG_DATA_INSTALL_DIR}/scenarios/library
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(DIRECTORY docs/ DESTINATION ${OPSREG_DATA_INSTALL_DIR}/docs
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES README.md DESTINATION ${OPSREG_DATA_INSTALL_DIR})

# The .deb: opsreg_VERSION_ARCH.deb, installed under /usr.
set(OPSREG_MAINTAINER "opsreg maintainers <maintainers@users.noreply.r-seed-1a3adce3.example>"
    CACHE STRING "the Debian package's Maintainer field")
# No Homepage field unless one is given (-DOPSREG_HOMEPAGE=URL): the project has none yet.
set(OPSREG_HOMEPAGE "" CACHE STRING "the Debian package's Homepage field (empty: none)")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME opsreg)
set(CPACK_PACKAGE_VENDOR "opsreg maintainers")
set(CPACK_PACKAGE_CONTACT "${OPSREG_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Fakes of IAM, STS, S3, EC2, OpsWorks and the instance metadata service on one loopback\n"
    "HTTP port, fake SSH hosts, the register procedure of `aws opsworks register`, a scenario\n"
    "engine and a conformance runner, for checking fleet-enrolment tooling in CI without an\n"
    "AWS account.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${OPSREG_MAINTAINER}")
if(OPSREG_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${OPSREG_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# What opsreg runs besides its own libraries: ssh (register), bubblewrap (sandboxed hosts), and
# what the registration script runs on a host (core/register/remote_script.cc): curl, tar and
# gzip (`curl … | tar xz`), sh, mktemp and cat (essential packages).
set(OPSREG_TOOL_DEPENDS "openssh-client, bubblewrap, curl, tar, gzip")
# The libraries are read off the binary by dpkg-shlibdeps (dpkg-dev), so the names and versions
# are the building distribution's (libssl3 or libssl3t64, libcpp-httplib0.11, ...).
find_program(OPSREG_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(OPSREG_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${OPSREG_TOOL_DEPENDS}")
else()
  message(STATUS "dpkg-shlibdeps not found (dpkg-dev): the .deb names Debian 12's libraries")
  string(CONCAT CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libgcc-s1, libssh-4, libssl3, zlib1g, libpugixml1v5, "
    "libcpp-httplib0.11, ${OPSREG_TOOL_DEPENDS}")
endif()
include(CPack)
