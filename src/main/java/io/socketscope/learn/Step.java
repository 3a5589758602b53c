package io.socketscope.learn;

/** The Learn tab's steps, in order: what to do, and why, with the man page or RFC that grounds it. */
public enum Step {
    SIXTEEN_BITS("A port is a 16-bit number",
            "Type 65536 in the port field. Then try 0.",
            "A port number travels in a 16-bit field of every TCP and UDP header (RFC 9293, RFC 768), so it goes"
                    + " from 0 to 65535. 65536 is 1 0000 0000 0000 0000 in binary: 17 bits, one too many. Port 0"
                    + " is not a real port to listen on: bind(2) with port 0 asks the OS for any free one."),
    PRIVILEGED("Ports below 1024 are privileged",
            "Try to listen on port 80 (Try it attempts it over loopback and says what this machine did).",
            "On Linux, binding a port below ip_unprivileged_port_start (1024 by default) needs root or the"
                    + " CAP_NET_BIND_SERVICE capability (ip(7), capabilities(7)); bind(2) then fails with"
                    + " EACCES, \"Permission denied\". macOS dropped the rule for 0.0.0.0 in Mojave; Windows has none."),
    WELL_KNOWN("Well-known ports",
            "See the IANA ranges and which well-known ports this machine already listens on.",
            "IANA splits the numbers in three (RFC 6335): system or well-known ports 0-1023 (22 ssh, 25 smtp,"
                    + " 53 dns, 80 http, 443 https), user or registered ports 1024-49151, and dynamic or private"
                    + " ports 49152-65535, which clients use as their own."),
    MANY_SOCKETS("One port, many sockets",
            "Open two connections to the port (two browser tabs, or Try it).",
            "accept(2) takes one connection from the listening socket's queue and returns a new socket for it."
                    + " A TCP connection is named by its 4-tuple (client ip, client port, server ip, server port):"
                    + " two clients of one port differ by their own address or port (RFC 9293 §3.2)."),
    NEW_DESCRIPTOR("A new descriptor for each accepted socket",
            "Look at the numbers: the listening socket keeps its descriptor, each accepted socket gets its own.",
            "socket(2) returns a descriptor for the listening socket; each accept(2) returns a new one, the"
                    + " lowest number free in the process (open(2) \"lowest-numbered file descriptor not"
                    + " currently open\"). The listening socket stays open and keeps its number."),
    REUSED("Descriptors are reused",
            "Close one socket (Close socket, closing a tab, or Try it), then open another.",
            "A descriptor is only an index into the process's table of open files: close(2) frees it, and the"
                    + " next accept(2) takes the lowest free number, often the one just freed. That is why"
                    + " SocketScope names sockets by an id of its own, not by their descriptor."),
    EPHEMERAL("The client's port is ephemeral",
            "Connect once (Try it) and compare the client's port with this machine's ephemeral range.",
            "A client that does not bind(2) gets a port from the OS when it connects: on Linux from"
                    + " ip_local_port_range (ip(7)), by default 32768-60999; phones use their own ranges."
                    + " RFC 6056 recommends choosing it unpredictably."),
    PROTOCOL("A socket is ip + port + protocol",
            "Open UDP on the same number as TCP (Try it), then send a datagram (nc -u, or Try it).",
            "TCP port 8080 and UDP port 8080 are different ports: the protocol is part of the name"
                    + " (udp(7), tcp(7)). UDP has no connections: one socket, one descriptor, receives the"
                    + " datagrams of every peer; TCP gives each connection its own socket and descriptor."),
    AFTERLIFE("Closing has an afterlife",
            "Have the server close a socket (Close socket, or Try it) and watch its ghost: the faint TIME_WAIT edge.",
            "The side that closes first keeps the connection in TIME_WAIT for twice the maximum segment"
                    + " lifetime (RFC 9293 §3.6.1; 60 s on Linux, tcp(7)), so that late segments of the old"
                    + " connection cannot be taken for a new one with the same 4-tuple. It has no descriptor"
                    + " any more: only the kernel's table (/proc/net/tcp, ss -tan state time-wait) shows it, and"
                    + " the graph draws it from there, faint, with the kernel's own time left."),
    RESTART("A restart binds again, and the ghost's fd is someone else's",
            "While a connection sits in TIME_WAIT, stop the port and start it again, then open a new connection"
                    + " (Try it does all three).",
            "TIME_WAIT keeps a connection's 4-tuple, not the port: a listening socket made with SO_REUSEADDR"
                    + " (socket(7); the JDK sets it on Linux and macOS) binds while its old connections wait, where"
                    + " without it bind(2) fails with EADDRINUSE, \"Address already in use\". And the ghost has no"
                    + " descriptor: close(2) gave its number back, and accept(2) hands the lowest free number to the"
                    + " next connection while the kernel still keeps the old one. A descriptor, a socket and a port"
                    + " are three different things.");

    private final String title;
    private final String todo;
    private final String why;

    Step(String title, String todo, String why) {
        this.title = title;
        this.todo = todo;
        this.why = why;
    }

    public String title() {
        return title;
    }

    public String todo() {
        return todo;
    }

    public String why() {
        return why;
    }
}
