# The parts of langdetect 1.0.9 that cleaner/detector.py uses (langdetect ships no types):
# typed, FastDetector's base is a class that mypyc keeps (as Any it would drop it).
