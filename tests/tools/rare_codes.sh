#!/usr/bin/env bash
# rare_codes.sh — the CAMEO codes that news reports seldom (rejected intelligence cooperation 1214,
# cyber forces 155, cyberattacks 176, bombing of a building 1834, precision-guided 1951 and drone
# strikes 1952) each have a pattern in both languages that codes a plain sentence: `dyad code` must
# give exactly the code, source and target written beside each sentence below.
set -u
build=${1:?usage: rare_codes.sh BUILD_DIR}
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
python3 - "$build/dyad" <<'PY'
import json, os, subprocess, sys
dyad = sys.argv[1]
wrap = os.environ.get('DYAD_WRAP', '').split()
CASES = [  # (language, sentence, "code source -> target")
    ('en', 'Germany refused to share intelligence with Russia.', '1214 DEUGOV -> RUS'),
    ('en', 'Estonia set up a new cyber command to counter Russia.', '155 ESTMIL -> RUS'),
    ('en', 'Russia launched a cyberattack on Estonia.', '176 RUSGOV -> EST'),
    ('en', 'Hezbollah blew up the embassy of Israel.', '1834 LBNREB -> ISRDIP'),
    ('en', 'Russia fired cruise missiles at Ukraine.', '1951 RUSMIL -> UKR'),
    ('en', 'Israeli drones struck Lebanon.', '1952 ISRMIL -> LBN'),
    ('ru', 'Россия отказалась делиться разведданными с США.', '1214 RUSGOV -> USA'),
    ('ru', 'Эстония создала кибервойска для противодействия России.', '155 ESTMIL -> RUS'),
    ('ru', 'Россия провела кибератаку на Эстонию.', '176 RUSGOV -> EST'),
    ('ru', 'Хезболла взорвала посольство Израиля.', '1834 LBNREB -> ISRDIP'),
    ('ru', 'Россия нанесла высокоточный удар по Украине.', '1951 RUSMIL -> UKR'),
    ('ru', 'Украина нанесла удар беспилотниками по России.', '1952 UKRMIL -> RUS'),
]
fails = 0
for lang in ('en', 'ru'):
    cases = [c for c in CASES if c[0] == lang]
    # One page per language, a sentence a paragraph, so that the language is told from enough text.
    text = '\n\n'.join(c[1] for c in cases) + '\n'
    out = subprocess.run(wrap + [dyad, 'code', '--raw', '--date', '2024-05-01', '-'], input=text.encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    got = {}
    for line in out.splitlines():
        e = json.loads(line)
        got.setdefault(e['evidence']['text'], []).append('%s %s -> %s' % (e['cameo'], e['source']['code'], e['target']['code']))
    for _, sentence, want in cases:
        have = got.get(sentence, [])
        if have != [want]:
            fails += 1
            print('FAIL %s\n  want %s\n  got  %s' % (sentence, want, '; '.join(have) or 'no event'))
print('%d passed, %d failed' % (len(CASES) - fails, fails))
sys.exit(1 if fails else 0)
PY
