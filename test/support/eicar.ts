// The EICAR anti-virus test file (https://www.eicar.org), put together at run time so this
// source file is not itself flagged by a scanner. The test clamd detects it (scripts/clamd.sh).
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR' + '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
