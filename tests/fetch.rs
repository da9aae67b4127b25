//! URLs as inputs, against an HTTP server in the test process (no test
//! touches the network): fetched, archived, reopened from the archive
//! without the server, refetched; a 404, a timeout and a non-HTML response
//! are errors naming the URL, and the other inputs still load.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use parallax::fetch::{FetchOptions, archived};

const PAGE: &str = "<html><head><title>Talks resume in Doha</title></head><body><nav>Home World</nav>\
<article><h1>Talks resume in Doha</h1><p>Negotiators met in Doha on Sunday and agreed to meet again \
next week, two officials said.</p><p>The talks were mediated by Qatar and Egypt, according to the \
officials, who spoke on condition of anonymity.</p></article></body></html>";

/// Serves a few paths on a local port; counts the requests for `/story`.
struct Server {
    base: String,
    story_hits: Arc<AtomicUsize>,
}

fn serve() -> Server {
    serve_for(usize::MAX)
}

/// A server that answers `requests` requests, then closes its port.
fn serve_for(requests: usize) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let story_hits = Arc::new(AtomicUsize::new(0));
    let hits = Arc::clone(&story_hits);
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let hits = Arc::clone(&hits);
            std::thread::spawn(move || {
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                reader.read_line(&mut line).unwrap();
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, kind, body): (&str, &str, Vec<u8>) = match path.as_str() {
                    "/story" => {
                        hits.fetch_add(1, Ordering::SeqCst);
                        ("200 OK", "text/html; charset=utf-8", PAGE.into())
                    }
                    "/moved" => {
                        // Each answer closes its connection, and says so: a
                        // client that kept it for the next request would
                        // meet a reset when this thread drops the socket.
                        let reply = "HTTP/1.1 302 Found\r\nLocation: /story\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                        let _ = stream.write_all(reply.as_bytes());
                        return;
                    }
                    "/slow" => {
                        std::thread::sleep(Duration::from_secs(5));
                        ("200 OK", "text/html", PAGE.into())
                    }
                    "/photo" => ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
                    _ => ("404 Not Found", "text/html", b"<p>not here</p>".to_vec()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    Server { base, story_hits }
}

fn options(archive: &Path, refetch: bool) -> FetchOptions {
    FetchOptions {
        archive: archive.to_path_buf(),
        refetch,
        timeout: Duration::from_secs(1),
        max_bytes: 1 << 20,
    }
}

#[test]
fn a_page_is_fetched_archived_reopened_and_refetched() {
    let server = serve();
    let archive = tempfile::tempdir().unwrap();
    let url = format!("{}/moved", server.base);
    let copy = archived(&url, &options(archive.path(), false)).unwrap();
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        PAGE,
        "the exact bytes"
    );
    assert_eq!(server.story_hits.load(Ordering::SeqCst), 1);
    let record: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(copy.parent().unwrap().join("record.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(record["url"], url.as_str());
    assert_eq!(record["final_url"], format!("{}/story", server.base));
    assert_eq!(record["sha256"].as_str().unwrap().len(), 64);
    assert!(record["fetched_at"].as_str().unwrap().starts_with("20"));

    // Reopened from the archive: the server is not asked again.
    let again = archived(&url, &options(archive.path(), false)).unwrap();
    assert_eq!(again, copy);
    assert_eq!(server.story_hits.load(Ordering::SeqCst), 1);
    // --refetch asks again.
    archived(&url, &options(archive.path(), true)).unwrap();
    assert_eq!(server.story_hits.load(Ordering::SeqCst), 2);
}

#[test]
fn a_fragment_names_the_same_page() {
    let server = serve();
    let archive = tempfile::tempdir().unwrap();
    let url = format!("{}/story", server.base);
    let copy = archived(&url, &options(archive.path(), false)).unwrap();
    let again = archived(&format!("{url}#comments"), &options(archive.path(), false)).unwrap();
    assert_eq!(again, copy);
    assert_eq!(server.story_hits.load(Ordering::SeqCst), 1);
}

#[test]
fn the_archive_is_read_without_the_server() {
    let archive = tempfile::tempdir().unwrap();
    let server = serve_for(1);
    let url = format!("{}/story", server.base);
    archived(&url, &options(archive.path(), false)).unwrap();
    // The server has closed its port: a fetch would fail, the archive answers.
    std::thread::sleep(Duration::from_millis(100));
    assert!(archived(&url, &options(archive.path(), true)).is_err());
    let copy = archived(&url, &options(archive.path(), false)).unwrap();
    assert!(copy.starts_with(archive.path()));
    // The article is read from the copy, which its path names.
    let article = parallax::ingest::read_str(copy.to_str().unwrap(), PAGE).unwrap();
    assert!(article.text.contains("Negotiators met in Doha"));
}

#[test]
fn failures_name_the_url_and_the_other_inputs_load() {
    let server = serve();
    let archive = tempfile::tempdir().unwrap();
    let missing = archived(
        &format!("{}/gone", server.base),
        &options(archive.path(), false),
    );
    assert!(missing.unwrap_err().contains("404"));
    let slow = archived(
        &format!("{}/slow", server.base),
        &options(archive.path(), false),
    );
    assert!(slow.unwrap_err().contains("within 1 s"));
    let photo = archived(
        &format!("{}/photo", server.base),
        &options(archive.path(), false),
    );
    assert!(photo.unwrap_err().contains("image/png"));
    let offline = archived("http://127.0.0.1:9/story", &options(archive.path(), false));
    assert!(offline.unwrap_err().starts_with("cannot fetch"));

    // Through the binary, with the data directory holding the archive.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("local.txt");
    std::fs::write(
        &file,
        "Local story\n\nTalks resumed in Cairo on Monday, officials said.\n",
    )
    .unwrap();
    let gone = format!("{}/gone", server.base);
    let story = format!("{}/story", server.base);
    let out = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .env("PARALLAX_DATA_DIR", dir.path())
        .args([
            "report",
            "-f",
            "json",
            &gone,
            file.to_str().unwrap(),
            &story,
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&gone) && stderr.contains("404"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "the file and the served page: {paths:?}");
    assert!(paths[1].starts_with(dir.path().join("archive").to_str().unwrap()));
    assert_eq!(server.story_hits.load(Ordering::SeqCst), 1);
}
