"""Reads an ODT with Python's zipfile and minidom, independently of libzip, for the ODT tests.

  odt_tool.py list FILE         one line per entry: name, compression method, extra field length
  odt_tool.py cat FILE ENTRY    the entry's bytes
  odt_tool.py check FILE        parses every .xml entry; prints "ok" or the first error
"""
import sys
import zipfile
from xml.dom import minidom


def main():
    command, path = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(path) as z:
        if command == "list":
            for info in z.infolist():
                print(info.filename, info.compress_type, len(info.extra), "%04d-%02d-%02d" % info.date_time[:3])
        elif command == "cat":
            sys.stdout.buffer.write(z.read(sys.argv[3]))
        elif command == "check":
            for info in z.infolist():
                if info.filename.endswith(".xml"):
                    try:
                        minidom.parseString(z.read(info.filename))
                    except Exception as e:  # noqa: BLE001 - any parse error is the answer
                        print(info.filename, e)
                        return
            print("ok")


main()
