"""Prints an .xlsx to PDF with LibreOffice (headless), as finance would, and reports each page: its size
(portrait or landscape) and its text as pdftotext reads it, so that a test can count the pages of each
sheet by their footers and check that the header row is repeated.

usage: print_pages.py WORKBOOK WORK_DIR"""
import json
import os
import shutil
import signal
import subprocess
import sys


def run(command, timeout):
    # A session of its own, so that a timeout can end soffice.bin too, not only its launcher.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        sys.exit("%s n'a pas fini en %d s" % (command[0], timeout))
    if process.returncode != 0:
        sys.exit("%s a échoué (code %d)" % (command[0], process.returncode))
    return out.decode("utf-8")


def main(workbook, work_dir):
    work_dir = os.path.abspath(work_dir)
    profile = os.path.join(work_dir, "lo-profile")
    os.makedirs(profile, exist_ok=True)
    source = os.path.join(work_dir, "printed.xlsx")
    shutil.copyfile(workbook, source)
    run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
         "--convert-to", "pdf", "--outdir", work_dir, source], 120)
    pdf = os.path.join(work_dir, "printed.pdf")
    info = run(["pdfinfo", "-f", "1", "-l", "9999", pdf], 30)
    pages = []
    for line in info.splitlines():
        # "Page    1 size: 841.89 x 595.276 pts (A4)"
        if line.startswith("Page") and " size: " in line:
            dims = line.split(" size: ")[1].split(" pts")[0].split(" x ")
            width, height = float(dims[0]), float(dims[1])
            pages.append({"orientation": "landscape" if width > height else "portrait"})
    for number, page in enumerate(pages, start=1):
        page["text"] = run(["pdftotext", "-layout", "-f", str(number), "-l", str(number), pdf, "-"], 30)
    json.dump({"pdf": pdf, "pages": pages}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
