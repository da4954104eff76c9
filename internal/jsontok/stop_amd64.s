//go:build !purego

#include "textflag.h"

// STOP16(R) leaves in R the mask of stop bytes of the 16 bytes at 0(SI):
// '"' (X8), '\' (X9), or below 0x20 (a saturating subtraction of 0x1F,
// X10, leaves zero, X11). It uses X0 to X2.
#define STOP16(R) \
	MOVOU (SI), X0; MOVO X0, X1; MOVO X0, X2; \
	PCMPEQB X8, X0; PCMPEQB X9, X1; PSUBUSB X10, X2; PCMPEQB X11, X2; \
	POR X1, X0; POR X2, X0; PMOVMSKB X0, R

// func stopIndexSSE2(b []byte) int
//
// 16 bytes at a time; the last, partial, stretch is read as the last 16
// bytes of b, less those already looked at, so nothing outside b is read.
// len(b) must be at least 16.
TEXT ·stopIndexSSE2(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	MOVQ SI, DI               // the start, for the result
	LEAQ -16(SI)(CX*1), R9    // the last 16 bytes
	MOVQ $0x2222222222222222, AX
	MOVQ AX, X8
	PUNPCKLQDQ X8, X8         // '"' in every byte
	MOVQ $0x5C5C5C5C5C5C5C5C, AX
	MOVQ AX, X9
	PUNPCKLQDQ X9, X9         // '\' in every byte
	MOVQ $0x1F1F1F1F1F1F1F1F, AX
	MOVQ AX, X10
	PUNPCKLQDQ X10, X10       // 0x1F in every byte
	PXOR X11, X11

loop:
	CMPQ SI, R9
	JA tail
	STOP16(AX)
	TESTL AX, AX
	JNZ found
	ADDQ $16, SI
	JMP loop

tail:
	// SI is past R9 by 1 to 16 bytes; 16 means nothing is left.
	MOVQ SI, DX
	SUBQ R9, DX
	CMPQ DX, $16
	JEQ none
	MOVQ R9, SI
	STOP16(AX)
	MOVQ DX, CX
	SHRL CX, AX               // drop the bytes looked at already
	TESTL AX, AX
	JZ none
	ADDQ DX, SI               // back where the bytes not looked at begin
	JMP found

found:
	BSFL AX, AX
	SUBQ DI, SI
	ADDQ SI, AX
	MOVQ AX, ret+24(FP)
	RET

none:
	MOVQ b_len+8(FP), AX
	MOVQ AX, ret+24(FP)
	RET
