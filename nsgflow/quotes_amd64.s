//go:build !purego

#include "textflag.h"

// MASK64(C) compares the block's four 16-byte parts, in X1 to X4 (left as
// they are), with C, which holds one byte in every lane, and leaves in AX
// the block's mask: bit k set where byte k equals that byte. It uses X6 to
// X9, BX, DX and R8.
#define MASK64(C) \
	MOVOU X1, X6; MOVOU X2, X7; MOVOU X3, X8; MOVOU X4, X9; \
	PCMPEQB C, X6; PCMPEQB C, X7; PCMPEQB C, X8; PCMPEQB C, X9; \
	PMOVMSKB X6, AX; PMOVMSKB X7, BX; PMOVMSKB X8, DX; PMOVMSKB X9, R8; \
	SHLQ $16, BX; SHLQ $32, DX; SHLQ $48, R8; \
	ORQ BX, AX; ORQ DX, AX; ORQ R8, AX

// func quoteMasksSSE2(quotes, commas []uint64, src []byte) (backslash int)
//
// For each block of 64 bytes, loaded as four 16-byte parts: the masks of
// '"' and ','; and whether any byte is '\' (the four comparisons joined
// before one PMOVMSKB), the first of which is then found.
TEXT ·quoteMasksSSE2(SB), NOSPLIT, $0-80
	MOVQ quotes_base+0(FP), DI
	MOVQ quotes_len+8(FP), CX
	MOVQ commas_base+24(FP), R10
	MOVQ src_base+48(FP), SI
	MOVQ SI, R11              // the start, for the backslash's offset
	MOVQ $-1, R9              // the first backslash: none yet
	MOVQ $0x2222222222222222, AX
	MOVQ AX, X0
	PUNPCKLQDQ X0, X0         // '"' in every byte
	MOVQ $0x5C5C5C5C5C5C5C5C, AX
	MOVQ AX, X5
	PUNPCKLQDQ X5, X5         // '\' in every byte
	MOVQ $0x2C2C2C2C2C2C2C2C, AX
	MOVQ AX, X10
	PUNPCKLQDQ X10, X10       // ',' in every byte
	TESTQ CX, CX
	JZ done

loop:
	// Ask for the bytes 1 KB ahead now: the scan is the first to read a
	// record's tuples from memory, and waiting for each line as the loads
	// reach it took half of its time.
	PREFETCHT0 1024(SI)
	MOVOU 0(SI), X1
	MOVOU 16(SI), X2
	MOVOU 32(SI), X3
	MOVOU 48(SI), X4
	MASK64(X10)
	MOVQ AX, 0(R10)
	MASK64(X0)
	MOVQ AX, 0(DI)

	// Backslashes: is there one?
	MOVOU X1, X6
	MOVOU X2, X7
	MOVOU X3, X8
	MOVOU X4, X9
	PCMPEQB X5, X6
	PCMPEQB X5, X7
	PCMPEQB X5, X8
	PCMPEQB X5, X9
	POR X7, X6
	POR X9, X8
	POR X8, X6
	PMOVMSKB X6, R12
	TESTQ R12, R12
	JNZ backslash

next:
	ADDQ $64, SI
	ADDQ $8, DI
	ADDQ $8, R10
	DECQ CX
	JNZ loop

done:
	MOVQ R9, backslash+72(FP)
	RET

backslash:
	// The block has one: find the first, once.
	CMPQ R9, $-1
	JNE next
	MASK64(X5)
	BSFQ AX, AX
	MOVQ SI, R9
	SUBQ R11, R9
	ADDQ AX, R9
	JMP next
