#!/bin/sh
# Completes the .deb that jpackage made (which puts everything under /opt/socketscope) with what a Debian user
# expects, as files of the package, so that dpkg lists them and removes them with it:
#   /usr/bin/socketscope                               a link to the launcher: socketscope on the PATH
#   /usr/share/applications/socketscope.desktop        the menu entry (Education, Network)
#   /usr/share/icons/hicolor/<size>/apps/socketscope.png  its icon, from the app's own PNGs
#
#   finish-deb.sh DEB PACKAGING_DIR ICONS_DIR          (needs dpkg-deb and fakeroot)
set -eu
deb=$1; here=$2; icons=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fakeroot sh -c "
  set -e
  dpkg-deb -R '$deb' '$work/pkg'
  mkdir -p '$work/pkg/usr/bin' '$work/pkg/usr/share/applications'
  ln -s /opt/socketscope/bin/SocketScope '$work/pkg/usr/bin/socketscope'
  install -m 644 '$here/socketscope.desktop' '$work/pkg/usr/share/applications/socketscope.desktop'
  for size in 16 32 48 64 128 256; do
    dir='$work/pkg/usr/share/icons/hicolor/'\${size}x\${size}/apps
    mkdir -p \"\$dir\"
    install -m 644 '$icons'/icon-\$size.png \"\$dir/socketscope.png\"
  done
  dpkg-deb -b '$work/pkg' '$deb' >/dev/null
"
